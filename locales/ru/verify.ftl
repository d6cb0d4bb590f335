# rastau verify: checking a signed file.

verify-signer = Подписал: { $name }, ИИН { $iin }
verify-validity = Сертификат действителен с { $from } по { $until }
verify-signing-time = Время подписи: { $time }
verify-intact-yes = Файл не изменён после подписания.
verify-intact-no = ФАЙЛ ИЗМЕНЁН после подписания, или подпись относится к другому файлу.
verify-trusted-yes = Сертификат подписавшего выдан доверенным удостоверяющим центром.
verify-trusted-no = Сертификат подписавшего не подтверждён доверенным удостоверяющим центром. Добавьте корневой сертификат: rastau trust add <файл.pem>.
verify-in-store = { $kind ->
    [notice] В этом хранилище: уведомление об отказе № { $number } («{ $document }»), ИИН/БИН { $taxId }, подписано { $date }.
   *[copy] В этом хранилище: обращение № { $number }, «{ $document }», ИИН/БИН { $taxId }, заверено { $date }.
}
verify-removed = Файл копии уже удалён по истечении срока хранения.
verify-not-in-store = Этот файл выдан не этим хранилищем.
trust-added = Доверенный сертификат добавлен.
verify-seal = QR-код: документ { $document }, ИИН/БИН { $taxId }, дата { $date }.
verify-seal-valid = QR-код подписан ключом центра { $key }, которому доверяет это хранилище; данные в нём не изменены.
verify-seal-unknown-key = QR-код подписан ключом { $key }, который этому хранилищу неизвестен: ключ другого центра или подделка. Ключ центра добавляется командой rastau trust seal <ключ>.
verify-seal-forged = QR-КОД ПОДДЕЛАН: подпись ключа центра { $key } не совпадает с его данными.
verify-seal-mismatch = QR-код не соответствует содержанию документа (страницам копии или строкам уведомления), выданного этим хранилищем.
seal-none-yet = У этого центра ещё нет ключа печати: он создаётся при первом заверении копии.
trust-seal-added = Ключ печати центра { $key } добавлен в доверенные.
nav-verify = Проверка
verify-title = Проверка заверенной копии или уведомления об отказе
verify-file = Файл копии или уведомления (PDF)
verify-signature-file = Файл подписи (.p7s), если есть
verify-check = Проверить
verify-signer-label = Подписал
verify-validity-label = Сертификат действителен
verify-time-label = Время подписи
verify-intact-label = Целостность
verify-trusted-label = Доверие
verify-store-label = Хранилище
verify-seal-label = QR-код
verify-qr = Текст QR-кода (отсканируйте сканером штрихкодов)
verify-trusted-cas = Доверенные удостоверяющие центры
verify-trusted-cas-hint = Подписи проверяются по корневым сертификатам НУЦ РК и других доверенных центров (файлы .pem).
verify-add-ca = Добавить сертификат…
verify-ca-added = Доверенный сертификат добавлен.
