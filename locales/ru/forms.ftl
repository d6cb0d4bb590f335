# Формы, которые печатаются для заявителя: согласие (приложение 1 к Правилам) и расписка.

## Дата на формах: « 23 » ноября 2026 г.

forms-month = { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
}
forms-date = « { $day } » { $month } { $year } г.

## Общее для обеих форм

forms-tax-id = { $kind ->
    [bin] БИН
   *[iin] ИИН
}
forms-address = Адрес
forms-phone = тел.
forms-representative-label = Представитель
# Между «№» и номером, «носителе:» и ответом — неразрывный пробел (чтобы строка не рвалась).
forms-representative = { $name }, ИИН { $iin }, по доверенности № { $poa } от { $issued } (действительна до { $until })
forms-journal-number = Регистрационный номер в журнале

## Согласие (приложение 1)

forms-consent-annex = Приложение 1 к Правилам заверения работниками центров обслуживания населения электронных копий документов
forms-consent-city = г. { $city }
forms-consent-district = район { $district }
forms-consent-applicant-caption = (фамилия, имя, отчество физического лица или наименование организации, ИИН/БИН полностью)
forms-consent-title = Согласие
forms-consent-body = Даю согласие на заверение электронных копий следующих документов (указать необходимость выдачи электронных копий документов на электронном носителе):
forms-consent-media = Выдать электронные копии документов на электронном носителе: { $wanted ->
    [yes] да
   *[no] нет
}
forms-consent-signer = Ф.И.О.
forms-consent-signature = (подпись заявителя)
forms-consent-scan-file = Подписанное согласие

## Расписка

forms-receipt-title = Расписка
forms-receipt-subtitle = о заверении электронных копий документов
forms-receipt-applicant = Заявитель
forms-receipt-clerk = Работник ЦОН
forms-receipt-started = Документы приняты
forms-receipt-ended = Обслуживание завершено
forms-receipt-copies = Заверенные электронные копии
forms-receipt-document = Документ
forms-receipt-pages = Страниц
forms-receipt-kept-until = Хранится до
forms-receipt-none = Электронные копии не заверялись.
forms-receipt-refused = Отказано в заверении
forms-receipt-grounds = Основания (п. 9 Правил)
forms-receipt-grounds-value = пп. { $grounds }
forms-receipt-notice = Уведомление об отказе
forms-receipt-fee = Стоимость услуги
forms-receipt-free = Бесплатно (0 ₸)
forms-receipt-kept-note = Электронные копии привязаны к ИИН/БИН заявителя, хранятся шесть месяцев и в течение этого срока выдаются в любом центре обслуживания населения.
forms-receipt-clerk-signature = (подпись работника ЦОН)
forms-receipt-qr-caption = QR-код для проверки расписки
