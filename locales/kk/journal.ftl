# Орталық журналы: бір күндегі не кезеңдегі өтініштер, қорытындылар, басып шығару және жүктеп алу.

nav-journal = Журнал

## Басып шығарылатын журнал (PDF, А4 көлденең).

journal-title = Құжаттардың электрондық көшірмелерін растау журналы
journal-period-day = { $day } күні
journal-period-range = { $from } бастап { $to } дейін
journal-selection = Іріктеу: { $what }
journal-selection-clerk = маман { $name }
journal-selection-outcome = { $outcome ->
    [certified] расталған құжаттары бар
    [refused] растаудан бас тартылғандары бар
   *[undecided] шешімі жоқ құжаттары бар
}
journal-selection-ground = 9-тармақтың { $ground }) тармақшасы бойынша бас тарту
journal-selection-over-limit = тек 30 минуттан ұзақ қызмет көрсету
journal-selection-search = іздеу «{ $text }»
journal-column-number = Журналдағы №
journal-column-time = Қабылданды / аяқталды
journal-column-duration = Ұзақтығы
journal-column-applicant = Өтініш беруші (ЖСН/БСН, Т.А.Ә. немесе атауы)
journal-column-clerk = Маман
journal-column-documents = Құжаттар және нәтиже
journal-column-issued = Хабарламалар мен қолхаттар
journal-representative = Өкіл: { $name }
journal-not-closed = аяқталмаған
journal-over-limit = 30 минуттан ұзақ
journal-duration = { $seconds ->
    [0] { $minutes } мин
   *[other] { $minutes } мин { $seconds } с
}
journal-outcome-certified = расталды
journal-outcome-refused = бас тартылды, Қағидалардың 9-тармағының { $grounds } { $count ->
    [one] тармақшасы
   *[other] тармақшалары
}
journal-outcome-refused-short = бас тартылды: { $grounds }
journal-outcome-undecided = шешімсіз
journal-notice = { $number } хабарлама, басып шығарылды: { $prints }
journal-receipts = Қолхат басып шығарылды: { $prints }
journal-empty = Таңдалған кезеңде өтініштер жоқ.
journal-totals = Қорытынды
journal-totals-all = Барлығы
journal-totals-clerk = Маман
journal-totals-visits = Өтініштер
journal-totals-certified = Расталған құжаттар
journal-totals-refused = Бас тартылған құжаттар
journal-totals-ground = { $ground }) тармақша бойынша бас тарту
journal-totals-mean = Орташа уақыт
journal-totals-longest = Ең ұзақ уақыт
journal-totals-breaches = 30 минуттан ұзақ
journal-per-hour = Сағат бойынша өтініштер: { $hours }
journal-hour = { $hour }:00 — { $count }

## Журнал экраны.

journal-heading = Өтініштер журналы
journal-from = Басталу күні
journal-to = Аяқталу күні
journal-today = Бүгін
journal-clerk-filter = Маман
journal-clerk-any = Барлық мамандар
journal-outcome-filter = Нәтиже
journal-outcome-any = Кез келген
journal-outcome-option = { $outcome ->
    [certified] Расталғандары бар
    [refused] Бас тартылғандары бар
   *[undecided] Шешімсіздері бар
}
journal-ground-filter = Бас тарту негізі
journal-ground-any = Кез келген
journal-ground-option = 9-тармақтың { $ground }) тармақшасы
journal-over-limit-only = Тек 30 минуттан ұзақ
journal-search = Іздеу
journal-search-hint = ЖСН/БСН, аты, нөмірі, құжат
journal-count = { $count } өтініш
journal-sort-by = «{ $column }» бағаны бойынша реттеу
journal-column-applicant-short = Өтініш беруші
journal-column-iin = ЖСН/БСН
journal-column-representative = Өкіл
journal-column-documents-short = Құжаттар
journal-over-limit-flag = > 30 мин
journal-chart = Сағат бойынша өтініштер
journal-chart-bar = { $hour }:00 — { $count }
journal-per-clerk = Мамандар бойынша
journal-visit = { $number } өтініш
journal-visit-close = Жабу
journal-visit-times = Қабылданды { $started }, аяқталды { $ended }
journal-visit-open-times = Қабылданды { $started }, әлі аяқталған жоқ
journal-visit-documents = Құжаттар
journal-visit-copies = Расталған көшірмелер
journal-visit-copies-none = Әлі сақталып тұрған расталған көшірмелер жоқ.
journal-visit-copy = { $title }: { $pages } бет, қол қойған { $signer }, { $until } дейін сақталады
journal-visit-notices = Бас тарту туралы хабарламалар
journal-visit-notice = { $number }, { $issued }, қол қойған { $signer }, басып шығарылды: { $prints }
journal-visit-receipts = Қолхат басып шығарылды: { $prints }
journal-export = Басып шығару және жүктеп алу
journal-csv-path = CSV файлы
journal-export-csv = CSV сақтау
journal-pdf-path = PDF файлы
journal-pdf-kk = PDF қазақша сақтау
journal-pdf-ru = PDF орысша сақтау
journal-print-lang = Басып шығару тілі
journal-print = Журналды басып шығару
journal-preview = Басып шығару алдындағы журнал
journal-saved = Журнал { $file } файлына сақталды.

error-journal-file-exists = «{ $file }» файлы бар. Басқа файл атауын таңдаңыз: журнал бар файлдың үстінен жазбайды.

# PDF қарау бағдарламалары көрсететін журналға қол қою себебі (мемлекеттік тілде).
journal-sign-reason = Күнделікті журнал тексерілді және бекітілді

## Күнге қол қою

signoff-title = Күндік журналға қол қою
signoff-hint = Күннің барлық өтініштері аяқталғанда басшы күн журналына өз ЭЦҚ-сын қояды. Қол қойылғаннан кейін сол күні бірде-бір терезе жаңа өтініш қабылдамайды, ал сол күнгі өтініштерді өзгертуге болмайды; түзетулер жеке жазбалармен енгізіледі.
signoff-button = Күн журналына ЭЦҚ қою
signoff-confirm = { $date } журналына өз ЭЦҚ-ңызбен қол қоясыз ба? { $when ->
    [today] Осы сәттен бастап күн соңына дейін орталықтың бірде-бір терезесі жаңа өтініш қабылдай алмайды, ал осы күнгі өтініштерді өзгертуге болмайды.
   *[past] Қол қойылғаннан кейін осы күнгі өтініштерді өзгертуге болмайды.
} Түзетулер жеке жазбалармен енгізіледі. { $open ->
    [0] Күннің барлық өтініштері аяқталған.
   *[other] Аяқталмаған өтініштер: { $open }. Қызметкерлер оларды аяқтаған соң журналға қол қоюға болады.
}
signoff-key-title = Басшының ЭЦҚ кілті
signoff-key-hint = Өз кілт файлыңызды таңдап, құпиясөзді енгізіңіз; кілт тек осы қолтаңба үшін пайдаланылады.
signoff-done = Журналға қол қойылды: { $name }, { $date } { $time }. Күн өзгерістерге жабық.
signoff-corrections = Түзетулер
signoff-correction-visit = Өтініш
signoff-correction-whole-day = Бүкіл күн
signoff-correction = Түзету мәтіні
signoff-correction-add = Түзету қосу
journal-signed-off = { $day } журналына ЭЦҚ қойылды: { $name }, { $at }.
journal-corrections = Қол қойылған күндерге түзетулер
error-journal-path-is-folder = «{ $folder }» — бұл қалта, ал журнал файлға жазылады. Жолдың соңына жаңа файлдың атауын жазыңыз немесе файлды «Таңдау…» түймесімен таңдаңыз.
signoff-correction-confirm = { $date } күнгі қол қойылған журналға түзету ({ $about }) біржола қосылады: оны кейін өзгертуге де, жоюға да болмайды. Мәтінді толық тексеріңіз:
    «{ $text }»
signoff-correction-confirm-button = Біржола қосу
