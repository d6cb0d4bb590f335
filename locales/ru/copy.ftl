# The certification sheet at the end of every certified electronic copy.

copy-title = Лист удостоверения электронной копии документа
copy-applicant = Заявитель
copy-id-number = ИИН/БИН
copy-document = Документ
copy-document-number = Номер
copy-document-date = Дата выдачи
copy-issuer = Кем выдан
copy-pages = Количество страниц
copy-hashes = SHA-256 изображений страниц
copy-clerk = Заверил
copy-position = Должность
copy-center = Центр обслуживания населения
copy-certified-at = Дата и время заверения
copy-statement = Электронная копия документа заверена электронной цифровой подписью уполномоченного сотрудника ЦОН. Согласно пункту 1 статьи 7 Закона Республики Казахстан от 7 января 2003 года № 370-II «Об электронном документе и электронной цифровой подписи» электронный документ равнозначен документу на бумажном носителе.
copy-qr-caption = Проверка: rastau verify
copy-sign-reason = Копия верна
copy-sheets = Количество листов подлинника
