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
copy-statement = Электронная копия документа заверена электронной цифровой подписью уполномоченного сотрудника ЦОН. { printed-law-equivalence }
copy-statement-without-key-status = Статус отзыва ключа сотрудника на момент подписания получить не удалось (центр разрешает такую подпись).
copy-qr-caption = QR-код подписан печатью ЦОН, заверившего копию: он подтверждает, кто, кому и когда заверил копию и что её страницы не подменены. Проверка — в этом ЦОН, в программе Rastau на экране «{ nav-verify }» (QR-код или файл копии); ЭЦП файла проверяет любая программа проверки ЭЦП.
copy-sign-reason = Копия верна
copy-sheets = Количество листов подлинника
