# Страницы обращения: сканирование, файлы, порядок, отнесение к документам; заверение.

pages-title = Страницы
pages-scanner = Сканер
pages-no-scanner = Сканер не найден
pages-target = Отнести новые страницы к
pages-unassigned = Не отнесена к документу
pages-color = В цвете
pages-scan-flatbed = Сканировать лист (стекло)
pages-scan-feeder = Сканировать пачку (автоподатчик)
pages-add-files = Добавить файлы…
pages-scanning = Сканирование… получено страниц: { $count }
pages-cancel = Остановить
pages-folder-hint = Файлы, которые сетевой сканер сохраняет в папку сканирования, добавляются сюда сами.
pages-deleted = Страница удалена.
pages-undo = Вернуть
pages-page = Страница { $number }
pages-assign = Документ страницы
pages-rotate-left = Повернуть влево
pages-rotate-right = Повернуть вправо
pages-move-left = Переместить раньше
pages-move-right = Переместить позже
pages-rescan = Отсканировать лист заново
pages-delete = Удалить страницу
pages-none = Страниц пока нет: отсканируйте оригиналы или добавьте файлы.
pages-source-flatbed = стекло
pages-source-feeder = автоподатчик
pages-source-file = файл
pages-source-folder = папка
certify-title = Заверение копий
certify-key = Ключ ЭЦП открыт: { $owner }, действует до { $until }
certify-pages = { $count ->
    [one] { $count } страница
    [few] { $count } страницы
   *[many] { $count } страниц
}
certify-button = Заверить ЭЦП
certify-done = Заверено
copies-title = Заверенные копии заявителя
copies-number = Обращение
copies-document = Документ
copies-pages = Страниц
copies-certified = Заверено
copies-kept-until = Хранится до
copies-none = У заявителя нет хранящихся заверенных копий.
key-title = Ключ ЭЦП
key-hint = Ключ открывается один раз за сеанс работы и хранится только в памяти.
key-file = Файл ключа (.p12)
key-browse = Выбрать…
key-password = Пароль ключа
key-open = Открыть ключ
key-cancel = Отмена
handover-title = Выдача копий
handover-folder = Флешка или папка
handover-export = Записать копии ({ $count })
handover-done = Записано и проверено: папка «{ $folder }», файлов: { $count }.
print-sent = Отправлено на принтер.
print-receipt-kk = Расписка на казахском
print-receipt-ru = Расписка на русском
print-consent-kk = Печать согласия (қазақша)
print-consent-ru = Печать согласия (русский)
printer-title = Принтер
printer-queue = Очередь печати центра
printer-none = Принтер не выбран
printer-saved = Формы печатаются на принтере «{ $name }».
printer-state-idle = готов
printer-state-printing = печатает
printer-state-stopped = остановлен
print-now = Печатать
preview-consent = Согласие (приложение 1): предпросмотр
preview-receipt = Расписка: предпросмотр
consent-scan-file = Скан подписанного согласия (изображение или PDF)
consent-scan-attach = Сохранить скан
consent-scan-kept = Скан подписанного согласия сохранён с обращением.

## Кто подписывает уведомления об отказе

notice-signer-title = Подпись уведомлений об отказе
notice-signer-hint = Уведомление об отказе (приложение 2) подписывает ЭЦП уполномоченное лицо центра.
notice-signer-clerk = Специалист, который отказал, своим ключом ЭЦП
notice-signer-supervisor = Только руководитель своим ключом ЭЦП
notice-signer-saved = Сохранено.
pages-folder-refused = Файл «{ $file }» из папки сканирования не добавлен к страницам и перенесён в эту папку «refused». Причина:
