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
