# Журнал центра: обращения за день или период, итоги, печать и выгрузка.

nav-journal = Журнал

## Печатный журнал (PDF, А4 альбомная).

journal-title = Журнал заверения электронных копий документов
journal-period-day = за { $day }
journal-period-range = с { $from } по { $to }
journal-selection = Отбор: { $what }
journal-selection-clerk = специалист { $name }
journal-selection-outcome = { $outcome ->
    [certified] есть заверенные документы
    [refused] есть отказы в заверении
   *[undecided] есть документы без решения
}
journal-selection-ground = отказ по подпункту { $ground }) пункта 9 Правил
journal-selection-over-limit = только обслуживание дольше 30 минут
journal-selection-search = поиск «{ $text }»
journal-column-number = № в журнале
journal-column-time = Принят / завершён
journal-column-duration = Длительность
journal-column-applicant = Заявитель (ИИН/БИН, Ф.И.О. или наименование)
journal-column-clerk = Специалист
journal-column-documents = Документы и результат
journal-column-issued = Уведомления и расписки
journal-representative = Представитель: { $name }
journal-not-closed = не завершено
journal-over-limit = дольше 30 минут
journal-duration = { $seconds ->
    [0] { $minutes } мин
   *[other] { $minutes } мин { $seconds } с
}
journal-outcome-certified = заверен
journal-outcome-refused = отказ, { $count ->
    [one] подпункт
   *[other] подпункты
} { $grounds } пункта 9 Правил
journal-outcome-refused-short = отказ: { $grounds }
journal-outcome-undecided = без решения
journal-notice = Уведомление { $number }, напечатано: { $prints }
journal-receipts = Расписка напечатана: { $prints }
journal-empty = За выбранный период обращений нет.
journal-totals = Итоги
journal-totals-all = Всего
journal-totals-clerk = Специалист
journal-totals-visits = Обращений
journal-totals-certified = Заверено документов
journal-totals-refused = Отказано в заверении
journal-totals-ground = Отказы по подп. { $ground })
journal-totals-mean = Среднее время
journal-totals-longest = Наибольшее время
journal-totals-breaches = Дольше 30 минут
journal-per-hour = Обращения по часам: { $hours }
journal-hour = { $hour }:00 — { $count }

## Экран журнала.

journal-heading = Журнал обращений
journal-from = С даты
journal-to = По дату
journal-today = Сегодня
journal-clerk-filter = Специалист
journal-clerk-any = Все специалисты
journal-outcome-filter = Результат
journal-outcome-any = Любой
journal-outcome-option = { $outcome ->
    [certified] Есть заверенные
    [refused] Есть отказы
   *[undecided] Есть без решения
}
journal-ground-filter = Основание отказа
journal-ground-any = Любое
journal-ground-option = Подпункт { $ground }) пункта 9
journal-over-limit-only = Только дольше 30 минут
journal-search = Поиск
journal-search-hint = ИИН/БИН, имя, номер, документ
journal-count = { $count ->
    [one] { $count } обращение
    [few] { $count } обращения
   *[other] { $count } обращений
}
journal-sort-by = Упорядочить по столбцу «{ $column }»
journal-column-applicant-short = Заявитель
journal-column-iin = ИИН/БИН
journal-column-representative = Представитель
journal-column-documents-short = Документы
journal-over-limit-flag = > 30 мин
journal-chart = Обращения по часам
journal-chart-bar = { $hour }:00 — { $count }
journal-per-clerk = По специалистам
journal-visit = Обращение { $number }
journal-visit-close = Закрыть
journal-visit-times = Принят { $started }, завершён { $ended }
journal-visit-open-times = Принят { $started }, ещё не завершён
journal-visit-documents = Документы
journal-visit-copies = Заверенные копии
journal-visit-copies-none = Заверенных копий, которые ещё хранятся, нет.
journal-visit-copy = { $title }: { $pages } стр., подписал { $signer }, хранится до { $until }
journal-visit-notices = Уведомления об отказе
journal-visit-notice = { $number } от { $issued }, подписал { $signer }, напечатано: { $prints }
journal-visit-receipts = Расписка напечатана: { $prints }
journal-export = Печать и выгрузка
journal-csv-path = Файл CSV
journal-export-csv = Сохранить CSV
journal-pdf-path = Файл PDF
journal-pdf-kk = Сохранить PDF на казахском
journal-pdf-ru = Сохранить PDF на русском
journal-print-lang = Язык печати
journal-print = Напечатать журнал
journal-preview = Журнал перед печатью
journal-saved = Журнал сохранён в файл { $file }.

error-journal-file-exists = Файл «{ $file }» уже существует. Выберите другое имя файла: журнал не перезаписывает существующие файлы.

# Причина подписи журнала, которую показывают программы просмотра PDF.
journal-sign-reason = Дневной журнал проверен и утверждён

## Подпись дня

signoff-title = Подпись журнала за день
signoff-hint = Руководитель подписывает журнал дня своей ЭЦП, когда все обращения дня завершены. После подписи в этот день ни одно окно не примет новое обращение, а обращения этого дня изменить нельзя; исправления вносятся отдельными записями.
signoff-button = Подписать журнал дня ЭЦП
signoff-confirm = Подписать журнал за { $date } своей ЭЦП? { $when ->
    [today] С этой минуты и до конца дня ни одно окно центра не сможет принять новое обращение, а обращения этого дня нельзя будет изменить.
   *[past] После подписи обращения этого дня нельзя будет изменить.
} Исправления вносятся отдельными записями. { $open ->
    [0] Все обращения дня завершены.
   *[other] Не завершено обращений: { $open }. Журнал можно подписать, когда сотрудники их завершат.
}
signoff-key-title = Ключ ЭЦП руководителя
signoff-key-hint = Выберите файл своего ключа и введите пароль; ключ используется только для этой подписи.
signoff-done = Журнал подписан: { $name }, { $date } { $time }. День закрыт для изменений.
signoff-corrections = Исправления
signoff-correction-visit = Обращение
signoff-correction-whole-day = Весь день
signoff-correction = Текст исправления
signoff-correction-add = Добавить исправление
journal-signed-off = Журнал за { $day } подписан ЭЦП: { $name }, { $at }.
journal-corrections = Исправления к подписанным дням
error-journal-path-is-folder = «{ $folder }» — это папка, а журнал записывается в файл. Допишите к пути имя нового файла или выберите файл кнопкой «Выбрать…».
signoff-correction-confirm = Исправление к подписанному журналу за { $date } ({ $about }) будет добавлено навсегда: изменить или удалить его будет нельзя. Проверьте текст целиком:
    «{ $text }»
signoff-correction-confirm-button = Добавить навсегда
