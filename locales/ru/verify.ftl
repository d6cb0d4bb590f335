# rastau verify: checking a signed file.

verify-signer = Подписал: { $name }, ИИН { $iin }
verify-validity = Сертификат действителен с { $from } по { $until }
verify-signing-time = Время подписи: { $time }
verify-intact-yes = Файл не изменён после подписания.
verify-intact-no = ФАЙЛ ИЗМЕНЁН после подписания, или подпись относится к другому файлу.
verify-trusted-yes = Сертификат подписавшего выдан доверенным удостоверяющим центром.
verify-trusted-no = Сертификат подписавшего не подтверждён доверенным удостоверяющим центром. Добавьте корневой сертификат: rastau trust add <файл.pem>.
verify-in-store = В этом хранилище: обращение № { $number }, «{ $document }», ИИН/БИН { $taxId }, заверено { $date }.
verify-removed = Файл копии уже удалён по истечении срока хранения.
verify-not-in-store = Этот файл выдан не этим хранилищем.
trust-added = Доверенный сертификат добавлен.
