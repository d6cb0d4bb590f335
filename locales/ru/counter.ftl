# The counter: serving one applicant.

nav-counter = Приём
counter-title = Приём заявителя
counter-tax-id = ИИН или БИН заявителя
counter-known = Заявитель уже обращался: данные заполнены, проверьте их.
counter-new = Новый заявитель.
counter-kind-person = Физическое лицо
counter-kind-entity = Юридическое лицо
field-surname = Фамилия
field-given-name = Имя
field-patronymic = Отчество
field-organization = Наименование организации
counter-has-representative = Документы сдаёт представитель по доверенности
counter-representative = Представитель
field-representative-name = Ф.И.О. представителя
field-representative-iin = ИИН представителя
field-poa-number = Номер доверенности
field-poa-issued = Дата выдачи
field-poa-valid-until = Действительна до
counter-accept = Принять документы
counter-open-visits = Незавершённые обращения
counter-resume = Продолжить

## The visit
visit-number = Обращение № { $number }
visit-clock = Прошло { $time } из 30 минут
visit-clock-breach = Превышен срок 30 минут: { $time }
visit-applicant = Заявитель: { $name } ({ $taxId })
visit-representative = Представитель: { $name }, доверенность № { $poa } до { $until }
visit-documents = Документы для заверения
field-document-title = Наименование документа
field-document-number = Номер
field-document-date = Дата выдачи
field-document-issuer = Кем выдан
visit-add-document = Добавить документ
visit-remove-document = Убрать
visit-copies-on-media = Выдать копии на электронном носителе
visit-save-documents = Сохранить список
visit-documents-saved = Список документов сохранён.
visit-confirm-consent = Подписанное согласие получено
visit-consent-received = Согласие получено в { $time }.
visit-consent-needed = Без письменного согласия (приложение 1) заверение невозможно.
visit-finish = Завершить обращение
visit-confirm-finish = Завершить обращение № { $number }? После этого его нельзя будет изменить.
visit-finished = Обращение № { $number } завершено за { $minutes } мин.

## Отказ в заверении (пункт 9 Правил) и уведомление (приложение 2)

certify-refused = Отказано
refuse-title = Отказ в заверении
refuse-offer-consent = Письменное согласие (приложение 1) не получено: в заверении отказывают по подпункту 1) пункта 9 Правил.
refuse-offer-button = Подготовить отказ по основанию 1
refuse-offer-consent-text = Не представлено письменное согласие заявителя по форме приложения 1 к Правилам.
refuse-offer-originals-text = Не представлены подлинники документов на бумажном носителе.
refuse-ground-one-offered = Основание 1 предложено, потому что не хватает согласия или подлинников. Проверьте и подтвердите.
refuse-start = Отказать в заверении…
refuse-which = Документы, в заверении которых отказано
refuse-all = Отметить все
refuse-document = Документ
refuse-grounds = Основания отказа
refuse-justification = Обоснование
refuse-justification-hint = Что именно не позволяет заверить: например, «на с. 2 дата исправлена карандашом», «оттиск печати не читается».
refuse-confirm = Отказать
refuse-withdraw = Отменить отказ
refuse-in-notice = В уведомлении
refuse-notice-pending = { $count ->
    [one] Отказ ещё не оформлен уведомлением.
    [few] { $count } отказа ещё не оформлены уведомлением.
   *[other] { $count } отказов ещё не оформлены уведомлением.
}
refuse-notice-language = Язык уведомления:
refuse-notice-language-kk = казахский
refuse-notice-language-ru = русский
refuse-notice-language-both = оба на одном листе
refuse-notice-sign = Подписать уведомление ЭЦП
refuse-notice-sign-supervisor = Подписать уведомление ЭЦП руководителя
refuse-notice-signed = Уведомление № { $number } подписано и сохранено за ИИН/БИН заявителя.
refuse-notice-supervisor-key-title = Ключ ЭЦП руководителя
refuse-notice-supervisor-key-hint = По настройкам центра уведомление об отказе подписывает руководитель. Руководитель выбирает свой файл ключа и вводит пароль; ключ используется только для этой подписи.
refuse-notices-title = Уведомления об отказе
refuse-notices-number = Номер
refuse-notices-signer = Подписал
refuse-notices-issued = Подписано
refuse-notices-prints = Напечатано
refuse-notices-print = Печать…
refuse-notices-preview = Уведомление об отказе № { $number }
field-document-sheets = Листов в подлиннике
visit-consent-present = Согласие подписано лично, в присутствии работника:
visit-consent-present-applicant = заявителем: { $name }
visit-consent-present-representative = представителем по доверенности: { $name }
visit-consent-given = Подписал(а) лично: { $name } ({ $present ->
        [representative] представитель
       *[applicant] заявитель
    }); зарегистрировал(а): { $clerk }.
visit-refuse-undecided = Отказать по документам без решения…
refuse-offer-left-text = Заявитель ушёл до завершения обслуживания: подлинники документов для заверения не представлены.
# Предлагаемые наименования документов и органы, выдавшие их: одно предложение на строку.
document-suggested-titles =
    Свидетельство о рождении
    Удостоверение личности
    Паспорт
    Диплом
    Приложение к диплому
    Аттестат
    Свидетельство о заключении брака
    Свидетельство о расторжении брака
    Свидетельство о смерти
    Трудовая книжка
    Справка
    Доверенность
document-suggested-issuers =
    ЗАГС
    МВД РК
    Министерство юстиции РК
    ЦОН
    Нотариус
