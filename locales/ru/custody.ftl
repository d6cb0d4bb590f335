# Хранение: журнал аудита, шестимесячный срок хранения, резервная копия.

## Ошибки

error-backup-folder = Не удалось записать резервную копию в «{ $folder }» ({ $detail }). Выберите другую папку или проверьте диск.
error-not-a-backup = В «{ $folder }» нет резервной копии Rastau (не найден manifest.json). Выберите саму папку резервной копии.
error-backup-damaged = Файл { $file } резервной копии отсутствует или изменён. Ничего не заменено; возьмите другую резервную копию.

## Командная строка

audit-verify-ok = Журнал аудита цел: { $entries } { $entries ->
    [one] запись
    [few] записи
   *[many] записей
}. Хэш последней записи: { $head }.
audit-verify-changed = Журнал аудита нарушен: запись № { $seq } изменена.
audit-verify-removed = Журнал аудита нарушен: между записями № { $after } и № { $before } удалены записи.
audit-verify-removed-first = Журнал аудита нарушен: удалены первые записи перед записью № { $before }.
audit-verify-inserted = Журнал аудита нарушен: запись № { $seq } вставлена позже.
retention-report = Срок хранения: удалено копий — { $copies }, страниц — { $pages }, файлов стёрто — { $files }.
backup-done = Резервная копия создана: { $folder } (файлов: { $files }, байт: { $bytes }).
restore-done = Хранилище восстановлено из резервной копии (файлов: { $files }). Прежнее хранилище перемещено в { $replaced }.
restore-done-fresh = Хранилище восстановлено из резервной копии (файлов: { $files }).
password-prompt-failed = Не удалось прочитать пароль: { $detail }.

## Экран аудита

nav-audit = Аудит
audit-title = Журнал аудита
audit-from = С
audit-to = По
audit-action = Действие
audit-action-all = Все действия
audit-search = Поиск: ИИН, ФИО, сведения
audit-time = Время
audit-who = Кто
audit-record = Запись
audit-detail = Сведения
audit-system = Rastau (само)
audit-total = Всего: { $total }
audit-newer = ← Новее
audit-older = Старее →
audit-verify = Проверить цепочку
audit-verified = Цепочка цела: { $entries } { $entries ->
    [one] запись
    [few] записи
   *[many] записей
}.
audit-backup = Резервная копия…
audit-backup-choose = Папка для резервной копии
audit-backup-confirm = Резервная копия всего хранилища (база данных и все файлы) будет записана в «{ $folder }». Продолжить?
audit-backup-make = Записать резервную копию
audit-retention = Удалить просроченное сейчас
audit-retention-confirm = Файлы копий и страниц, срок хранения которых (6 месяцев) истёк, будут удалены безвозвратно; записи о них останутся. Продолжить?
audit-empty = Нет записей, подходящих под отбор.
audit-store = Цепочка, резервная копия и сроки хранения
audit-working = Выполняется…
audit-record-kind = { $kind ->
    [account] учётная запись
    [visit] обращение
    [page] страница
    [copy] копия
    [notice] уведомление
    [day] день
    [handover] выдача на носитель
   *[other] { $kind }
}
audit-record-ref = { $kind } № { $id }
audit-action-name = { $action ->
    [first-start] Первая настройка
    [login] Вход
    [login-failed] Неудачный вход
    [unlock] Разблокировка
    [unlock-failed] Неудачная разблокировка
    [logout] Выход
    [language-changed] Смена языка
    [account-created] Создана учётная запись
    [account-changed] Изменена учётная запись
    [account-activated] Учётная запись включена
    [account-deactivated] Учётная запись отключена
    [center-changed] Изменены данные центра
    [printer-chosen] Выбран принтер
    [notice-signer-chosen] Выбран подписант уведомлений
    [ca-trusted] Доверие удостоверяющему центру
    [seal-trusted] Доверие печати другого центра
    [seal-key-made] Создан ключ печати
    [signing-key-opened] Открыт ключ ЭЦП
    [visit-opened] Принято обращение
    [documents-listed] Перечень документов
    [consent-confirmed] Получено согласие
    [consent-scan-kept] Сохранён скан согласия
    [visit-closed] Обращение завершено
    [page-added] Добавлена страница
    [page-rotated] Страница повёрнута
    [page-moved] Страница перемещена
    [page-assigned] Страница отнесена к документу
    [page-deleted] Страница удалена
    [page-restored] Страница возвращена
    [page-replaced] Страница заменена
    [certified] Копия заверена
    [refused] Отказ в заверении
    [refusal-withdrawn] Отказ отменён
    [notice-issued] Уведомление об отказе
    [printed] Печать
    [handed-over] Выдано на носитель
    [journal-exported] Экспорт журнала
    [day-signed-off] Журнал дня подписан
    [day-corrected] Исправление в журнале
    [copy-removed] Копия удалена по сроку
    [retention-run] Проверка сроков хранения
    [leftovers-removed] Удалены остатки прерванной записи
    [backed-up] Резервная копия
    [restored] Восстановление из резервной копии
    [demo-filled] Демо-центр
    [ca-removed] Удостоверяющий центр исключён из доверенных
    [seal-key-moved-out] Ключ печати вынесен из базы в файл
    [handover-started] Начата запись на носитель
    [handover-failed] Запись на носитель не удалась
    [session-ended] Сеанс завершён
    [password-chosen] Выбран собственный пароль
    [password-choice-failed] Неудачная смена пароля
    [shared-joined] Подключение к общему хранилищу
    [shared-left] Отключение от общего хранилища
    [shared-copies-looked-up] Поиск копий заявителя в общем хранилище
    [shared-copy-fetched] Копия получена из общего хранилища
    [staff-refreshed] Список сотрудников обновлён из общего хранилища
    [signature-policy-changed] Изменены правила подписания
    [key-source-changed] Изменён способ открытия ключей
    [policy-refreshed] Настройки центра обновлены из общего хранилища
   *[other] { $action }
}
error-backup-audit-broken = Журнал аудита в резервной копии нарушен (запись № { $seq } изменена, удалена или вставлена позже): копию изменили после создания. Ничего не заменено; возьмите другую резервную копию.
error-backup-file-unnamed = В резервной копии есть файл { $file }, который не упомянут ни в одной записи её базы данных: копию изменили после создания. Ничего не заменено; возьмите другую резервную копию.
error-backup-without-center = В резервной копии нет данных центра: после восстановления любой, кто запустит Rastau, стал бы руководителем. Ничего не заменено; возьмите другую резервную копию.
audit-backup-seal-key = Включить закрытый ключ печати центра (только для переноса на новый компьютер)
audit-backup-confirm-seal-key = Резервная копия всего хранилища будет записана в «{ $folder }» ВМЕСТЕ С ЗАКРЫТЫМ КЛЮЧОМ ПЕЧАТИ ЦЕНТРА: тот, у кого окажется эта копия, сможет подделывать QR-коды центра. Храните её как ключ ЭЦП. Продолжить?
audit-detail-text = { $text }
audit-detail-documents = { $documents }
audit-detail-copy-removed = { $document }, заверена { $certified }
audit-detail-notice = { $number }, подписал(а) { $signer } (ИИН { $iin })
audit-detail-handover = папка «{ $folder }»: { $documents }
audit-detail-handover-failed = папка «{ $folder }»: { $documents } — не записано ({ $error })
audit-detail-printed = { $form ->
    [receipt] Расписка
    [consent] Заявление (согласие)
    [notice] Уведомление об отказе
   *[journal] Журнал
} { $what }{ $lang ->
    [kk] , на казахском
    [ru] , на русском
   *[other] {""}
} — принтер { $printer }
audit-detail-journal-file = журнал за { $days } → { $file }
audit-detail-day = журнал за { $day }
audit-detail-consent = согласие подписал(а) лично { $present ->
    [representative] представитель
   *[applicant] заявитель
} { $name }; зарегистрировал(а) { $registrar } (ИИН { $iin })
audit-detail-language = { $lang ->
    [kk] казахский
   *[ru] русский
}
audit-detail-notice-signer = уведомления об отказе подписывает { $who ->
    [supervisor] руководитель
   *[clerk] сотрудник, оформивший отказ
}
audit-detail-without-status = { $timestamps ->
    [on] метки времени: { $tsa }
   *[off] без меток времени
}; без статуса ключа или метки времени { $choice ->
    [allow] подпись ставится, копия это отмечает
   *[refuse] подпись не ставится
}
audit-detail-key-source = ключи открываются { $source ->
    [ncalayer] через NCALayer
   *[pkcs12] из файла ключа (PKCS#12)
}; хранилища NCALayer: файл — { $file ->
    [on] да
   *[off] нет
}, Казтокен — { $kaztoken ->
    [on] да
   *[off] нет
}, удостоверение личности — { $idcard ->
    [on] да
   *[off] нет
}, другие токены — { $tokens ->
    [on] да
   *[off] нет
}
audit-detail-documents-listed = документов в списке: { $count }
audit-detail-retention = удалено копий — { $copies }, страниц — { $pages }
audit-record-named = { $kind }: { $name }
audit-backup-progress = Скопировано файлов: { $done } из { $total }
audit-backup-cancel = Остановить
audit-detail-shared-link = центр { $center }, установка { $installation }
