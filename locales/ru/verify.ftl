# rastau verify: checking a signed file.

verify-signer = Подписал: { $name }, ИИН { $iin }
verify-validity = Сертификат действителен с { $from } по { $until }
verify-signing-time = Время подписи, указанное компьютером подписавшего: { $time }
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
trust-added = Добавлен доверенный удостоверяющий центр «{ $subject }», действует с { $from } по { $until } (SHA-256 { $id }).
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
verify-time-label = Время подписи (по словам подписавшего)
verify-intact-label = Целостность
verify-trusted-label = Доверие
verify-store-label = Хранилище
verify-seal-label = QR-код
verify-qr = Текст QR-кода (отсканируйте сканером штрихкодов)
verify-trusted-cas = Доверенные удостоверяющие центры
verify-trusted-cas-hint = Заверять и подписывать можно только ключом, выданным одним из этих удостоверяющих центров, и подписи проверяются по ним же. Добавьте корневой и промежуточный сертификаты НУЦ РК (файлы .cer, .crt или .pem).
verify-add-ca = Добавить
verify-ca-added = Добавлен доверенный удостоверяющий центр «{ $subject }».
verify-checked-at = { $source ->
    [store] Сертификат проверен на { $time }: это время заверения, записанное этим хранилищем.
   *[now] Сертификат проверен на текущий момент, { $time }: файл выдан не этим хранилищем, и время подписи в нём — лишь заявление подписавшего.
}
trust-list-entry = «{ $subject }» (издатель «{ $issuer }»), действует с { $from } по { $until }, SHA-256 { $id }
trust-list-unreadable = Нечитаемая запись { $id }: в ней нет сертификата удостоверяющего центра, при проверке она не используется. Удалите её: rastau trust remove { $id }
trust-list-empty = Доверенных удостоверяющих центров нет, поэтому заверять нельзя. Добавьте корневой и промежуточный сертификаты НУЦ РК: rastau trust add <файл>.
trust-without-status-refuse = Если статус отзыва ключа или метку времени получить не удаётся, подпись не ставится (по умолчанию).
trust-without-status-allow = Если статус отзыва ключа или метку времени получить не удаётся, подпись ставится; в копии это отмечается.
trust-tsa = Время каждой подписи подтверждает служба меток времени { $url }.
trust-tsa-none = Служба меток времени не указана: подписи без меток времени.
trust-removed = Удостоверяющий центр { $id } исключён из доверенных.
verify-trusted-cas-none = Нет ни одного доверенного удостоверяющего центра: заверять и подписывать нельзя. Добавьте сертификаты НУЦ РК.
verify-ca-subject = Удостоверяющий центр
verify-ca-issuer = Кем выдан
verify-ca-validity = Действует
verify-ca-unreadable = Нечитаемая запись (не используется)
verify-ca-remove = Исключить
verify-ca-remove-confirm = Исключить «{ $subject }» из доверенных? Ключи, выданные этим центром, перестанут заверять, а их подписи — считаться доверенными.
verify-ca-file = Файл сертификата удостоверяющего центра
trust-key-source-pkcs12 = Ключи ЭЦП открываются из файла ключа (PKCS#12, по умолчанию). Если выбрать NCALayer, его окно предложит хранилища: { $storages }.
trust-key-source-ncalayer = Ключи ЭЦП открываются через NCALayer; его окно предлагает хранилища: { $storages }.

# Протокол проверки: заключение по ETSI EN 319 102-1 (как его даёт система DSS ЕС).
verify-indication = { $indication ->
    [passed] ПОДПИСЬ ДЕЙСТВИТЕЛЬНА
    [failed] ПОДПИСЬ НЕДЕЙСТВИТЕЛЬНА
   *[indeterminate] Действительность подписи не установлена
}
verify-indication-line = Заключение: { $words } (ETSI: { $code })
verify-reason-algorithm-not-checkable = Подпись сделана алгоритмом { $algorithm }: здесь его проверить нельзя (не проверены ни значение подписи, ни статус отзыва). Воспользуйтесь NCALayer или сервисом проверки НУЦ.
verify-reason-changed = Файл изменён после подписания: его хэш не совпадает с подписанным.
verify-reason-changed-after-signing = После подписания в файл внесены изменения помимо данных для проверки.
verify-reason-signature-value = Значение подписи не подтверждается ключом сертификата.
verify-reason-timestamp-invalid = Метка времени подписи недействительна ({ $detail }): время подписания никто не подтверждает.
verify-reason-no-chain = Сертификат, выданный «{ $issuer }», не ведёт к удостоверяющему центру, которому доверяет этот центр.
verify-reason-chain-invalid = Цепочка сертификатов недействительна: { $detail }.
verify-reason-revocation-unusable = Не приняты статусы отзыва из файла: { $count } (не подписаны издателем или не читаются).
verify-reason-revoked = Сертификат отозван { $time }, то есть до момента проверки.
verify-reason-revoked-later = Сертификат отозван позже, { $time }: на момент проверки он ещё действовал.
verify-reason-not-yet-valid = Сертификат «{ $subject }» на момент проверки ещё не действовал (действует с { $from }).
verify-reason-expired = Срок сертификата «{ $subject }» истёк до момента проверки, { $until }.
verify-reason-store-vouches = Эту подпись сделал и записал этот центр: статус ключа проверялся при подписании.
verify-reason-revocation-stale = Статус отзыва в файле ({ $time }) старше момента проверки: нужен более новый.
verify-reason-no-revocation-data = В файле нет статуса отзыва ключа (ответа OCSP или CRL): ничто не показывает, что ключ не был отозван при подписании.
verify-time-used = { $source ->
    [timestamp] { $time } — по метке времени подписи
    [store] { $time } — по времени подписания, записанному этим хранилищем
   *[present] { $time } — текущий момент: более раннее время никто не подтверждает
}
verify-revocation = { $state ->
    [good] Не отозван
    [revoked] ОТОЗВАН
   *[unknown] Неизвестен
}
verify-revocation-source = { $source ->
    [dss-ocsp] ответ OCSP внутри PDF (DSS)
    [dss-crl] список отозванных сертификатов внутри PDF (DSS)
    [cades-ocsp] ответ OCSP в подписи (CAdES revocation values)
    [cades-crl] список отозванных сертификатов в подписи (CAdES revocation values)
    [signed-data-crl] список отозванных сертификатов в подписи
    [store] проверка этого хранилища при подписании
   *[none] источника нет
}
verify-revocation-line = Статус отзыва: { $state }
verify-time-used-line = Момент проверки: { $time }
verify-reasons-line = Причины:
verify-indication-label = Заключение
verify-reasons-label = Причины
verify-time-used-label = Момент проверки
verify-revocation-label = Отзыв
verify-report-saved = Протокол сохранён: { $path }
verify-report-written = Протокол проверки записан: { $path }
# Протокол проверки (PDF): для заявителя или принимающего органа.
verify-report-title = Протокол проверки электронной цифровой подписи
verify-report-subtitle = по ETSI EN 319 102-1, только по данным самого файла
verify-report-file = Файл
verify-report-sha256 = Хэш SHA-256 файла
verify-report-signature-file = Файл подписи
verify-report-signer = Подписал
verify-report-certificate = Срок действия сертификата
verify-report-indication = Заключение
verify-report-reasons = Причины
verify-report-time = Момент проверки и его источник
verify-report-revocation = Статус отзыва и его источник
verify-report-claimed = Время подписания (заявление подписавшего)
verify-report-store = Хранилище этого центра
verify-report-seal = QR-код (печать центра)
verify-report-made = Протокол составил { $center } { $time }.
verify-report-note = Протокол составлен программой Rastau. Заключение основано на данных этого файла и его подписи и на списке удостоверяющих центров, которым доверяет центр. Его можно перепроверить любым валидатором PAdES/CAdES.
verify-report-none = —
verify-report-path = PDF-файл протокола проверки
verify-save-report-kk = Сохранить на казахском
verify-save-report-ru = Сохранить на русском
