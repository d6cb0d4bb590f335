# Сақтау: аудит журналы, алты айлық сақтау мерзімі, резервтік көшірме.

## Қателер

error-backup-folder = «{ $folder }» ішіне резервтік көшірме жазу мүмкін болмады ({ $detail }). Басқа қалтаны таңдаңыз не дискіні тексеріңіз.
error-not-a-backup = «{ $folder }» ішінде Rastau резервтік көшірмесі жоқ (manifest.json табылмады). Резервтік көшірме қалтасының өзін таңдаңыз.
error-backup-damaged = Резервтік көшірмедегі { $file } файлы жоқ немесе өзгертілген. Ештеңе ауыстырылған жоқ; басқа резервтік көшірмені алыңыз.

## Командалық жол

audit-verify-ok = Аудит журналы бүтін: { $entries } жазба. Соңғы жазбаның хэші: { $head }.
audit-verify-changed = Аудит журналы бұзылған: № { $seq } жазба өзгертілген.
audit-verify-removed = Аудит журналы бұзылған: № { $after } және № { $before } жазбалар арасынан жазбалар жойылған.
audit-verify-removed-first = Аудит журналы бұзылған: № { $before } жазбаның алдындағы алғашқы жазбалар жойылған.
audit-verify-inserted = Аудит журналы бұзылған: № { $seq } жазба кейін қосылған.
retention-report = Сақтау мерзімі: { $copies } көшірме және { $pages } бет жойылды, { $files } файл өшірілді.
backup-done = Резервтік көшірме жасалды: { $folder } ({ $files } файл, { $bytes } байт).
restore-done = Қойма резервтік көшірмеден қалпына келтірілді ({ $files } файл). Бұрынғы қойма мына жерге жылжытылды: { $replaced }.
restore-done-fresh = Қойма резервтік көшірмеден қалпына келтірілді ({ $files } файл).
password-prompt-failed = Құпиясөзді оқу мүмкін болмады: { $detail }.

## Аудит экраны

nav-audit = Аудит
audit-title = Аудит журналы
audit-from = Бастап
audit-to = Дейін
audit-action = Әрекет
audit-action-all = Барлық әрекет
audit-search = Іздеу: ЖСН, аты-жөні, мәлімет
audit-time = Уақыты
audit-who = Кім
audit-record = Жазба
audit-detail = Мәлімет
audit-system = Rastau (өзі)
audit-total = Барлығы: { $total }
audit-newer = ← Жаңалары
audit-older = Ескілері →
audit-verify = Тізбекті тексеру
audit-verified = Тізбек бүтін: { $entries } жазба.
audit-backup = Резервтік көшірме…
audit-backup-choose = Резервтік көшірме қалтасы
audit-backup-confirm = Бүкіл қойманың (дерекқор мен барлық файлдың) резервтік көшірмесі «{ $folder }» ішіне жазылады. Жалғастыру керек пе?
audit-backup-make = Резервтік көшірмені жазу
audit-retention = Мерзімі өткенін қазір жою
audit-retention-confirm = Сақтау мерзімі (6 ай) өткен көшірмелер мен беттердің файлдары біржола жойылады; жазбалары қалады. Жалғастыру керек пе?
audit-empty = Сүзгіге сай жазба жоқ.
audit-store = Тізбек, резервтік көшірме және сақтау мерзімі
audit-working = Орындалуда…
audit-record-kind = { $kind ->
    [account] тіркелгі
    [visit] өтініш
    [page] бет
    [copy] көшірме
    [notice] хабарлама
    [day] күн
    [handover] тасығышқа беру
   *[other] { $kind }
}
audit-record-ref = { $kind } № { $id }
audit-action-name = { $action ->
    [first-start] Алғашқы баптау
    [login] Кіру
    [login-failed] Сәтсіз кіру
    [unlock] Құлыпты ашу
    [unlock-failed] Құлыпты ашу сәтсіз
    [logout] Шығу
    [language-changed] Тіл ауыстырылды
    [account-created] Тіркелгі құрылды
    [account-changed] Тіркелгі өзгертілді
    [account-activated] Тіркелгі қосылды
    [account-deactivated] Тіркелгі өшірілді
    [center-changed] Орталық деректері өзгертілді
    [printer-chosen] Принтер таңдалды
    [notice-signer-chosen] Хабарламаға қол қоюшы таңдалды
    [ca-trusted] Куәландырушы орталыққа сенім
    [seal-trusted] Басқа орталық мөріне сенім
    [seal-key-made] Мөр кілті жасалды
    [signing-key-opened] ЭЦҚ кілті ашылды
    [visit-opened] Өтініш қабылданды
    [documents-listed] Құжаттар тізімі
    [consent-confirmed] Келісім алынды
    [consent-scan-kept] Келісім сканы сақталды
    [visit-closed] Өтініш аяқталды
    [page-added] Бет қосылды
    [page-rotated] Бет бұрылды
    [page-moved] Бет жылжытылды
    [page-assigned] Бет құжатқа берілді
    [page-deleted] Бет жойылды
    [page-restored] Бет қайтарылды
    [page-replaced] Бет ауыстырылды
    [certified] Көшірме расталды
    [refused] Растаудан бас тартылды
    [refusal-withdrawn] Бас тарту кері алынды
    [notice-issued] Бас тарту хабарламасы
    [printed] Басып шығарылды
    [handed-over] Тасығышқа берілді
    [journal-exported] Журнал экспортталды
    [day-signed-off] Күн журналына қол қойылды
    [day-corrected] Журналға түзету
    [copy-removed] Көшірме мерзімі өтіп жойылды
    [retention-run] Сақтау мерзімін тексеру
    [leftovers-removed] Үзілген жазба қалдықтары жойылды
    [backed-up] Резервтік көшірме
    [restored] Резервтік көшірмеден қалпына келтіру
    [demo-filled] Демо-орталық
    [ca-removed] Куәландырушы орталық сенімділер тізімінен алынды
    [seal-key-moved-out] Мөр кілті дерекқордан файлға шығарылды
    [handover-started] Тасығышқа жазу басталды
    [handover-failed] Тасығышқа жазу сәтсіз аяқталды
    [session-ended] Сеанс аяқталды
    [password-chosen] Өз құпиясөзі таңдалды
    [password-choice-failed] Құпиясөзді таңдау сәтсіз
    [shared-joined] Ортақ қоймаға қосылу
    [shared-left] Ортақ қоймадан ажырау
    [shared-copies-looked-up] Өтініш берушінің көшірмелерін ортақ қоймадан іздеу
    [shared-copy-fetched] Көшірме ортақ қоймадан алынды
    [staff-refreshed] Қызметкерлер тізімі ортақ қоймадан жаңартылды
    [signature-policy-changed] Қол қою саясаты өзгертілді
    [key-source-changed] Кілттерді ашу тәсілі өзгертілді
    [policy-refreshed] Орталық баптаулары ортақ қоймадан жаңартылды
   *[other] { $action }
}
error-backup-audit-broken = Резервтік көшірмедегі аудит журналы бұзылған (№ { $seq } жазба өзгертілген, жойылған не кейін қосылған): көшірме жасалғаннан кейін өзгертілген. Ештеңе ауыстырылған жоқ; басқа резервтік көшірмені алыңыз.
error-backup-file-unnamed = Резервтік көшірмеде { $file } файлы бар, бірақ оның дерекқорындағы бірде-бір жазба оны атамайды: көшірме жасалғаннан кейін өзгертілген. Ештеңе ауыстырылған жоқ; басқа резервтік көшірмені алыңыз.
error-backup-without-center = Резервтік көшірмеде орталық деректері жоқ: қалпына келтірілсе, Rastau-ды келесі іске қосқан кез келген адам басшы болып қалар еді. Ештеңе ауыстырылған жоқ; басқа резервтік көшірмені алыңыз.
audit-backup-seal-key = Орталық мөрінің жабық кілтін қосу (тек жаңа компьютерге көшіру үшін)
audit-backup-confirm-seal-key = Бүкіл қойманың сақтық көшірмесі «{ $folder }» ішіне ОРТАЛЫҚ МӨРІНІҢ ЖАБЫҚ КІЛТІМЕН БІРГЕ жазылады: бұл көшірме кімнің қолына түссе, сол орталықтың QR-кодтарын жасай алады. Оны ЭЦҚ кілті сияқты сақтаңыз. Жалғастырасыз ба?
audit-detail-text = { $text }
audit-detail-documents = { $documents }
audit-detail-copy-removed = { $document }, { $certified } расталған
audit-detail-notice = { $number }, қол қойған: { $signer } (ЖСН { $iin })
audit-detail-handover = «{ $folder }» қалтасы: { $documents }
audit-detail-handover-failed = «{ $folder }» қалтасы: { $documents } — жазылмады ({ $error })
audit-detail-printed = { $form ->
    [receipt] Қолхат
    [consent] Өтініш (келісім)
    [notice] Бас тарту туралы хабарлама
   *[journal] Журнал
} { $what }{ $lang ->
    [kk] , қазақша
    [ru] , орысша
   *[other] {""}
} — принтер { $printer }
audit-detail-journal-file = { $days } журналы → { $file }
audit-detail-day = { $day } журналы
audit-detail-consent = келісімге жеке өзі қол қойды: { $present ->
    [representative] өкіл
   *[applicant] өтініш беруші
} { $name }; тіркеген: { $registrar } (ЖСН { $iin })
audit-detail-language = { $lang ->
    [kk] қазақ тілі
   *[ru] орыс тілі
}
audit-detail-notice-signer = бас тарту туралы хабарламаларға { $who ->
    [supervisor] басшы
   *[clerk] бас тартуды ресімдеген қызметкер
} қол қояды
audit-detail-without-status = { $timestamps ->
    [on] уақыт белгілері: { $tsa }
   *[off] уақыт белгілерісіз
}; кілт мәртебесі не уақыт белгісі болмаса, { $choice ->
    [allow] қол қойылады, көшірмеде бұл жазылады
   *[refuse] қол қойылмайды
}
audit-detail-key-source = кілттер { $source ->
    [ncalayer] NCALayer арқылы
   *[pkcs12] кілт файлынан (PKCS#12)
} ашылады; NCALayer қоймалары: файл — { $file ->
    [on] иә
   *[off] жоқ
}, Қазтокен — { $kaztoken ->
    [on] иә
   *[off] жоқ
}, жеке куәлік — { $idcard ->
    [on] иә
   *[off] жоқ
}, басқа токендер — { $tokens ->
    [on] иә
   *[off] жоқ
}
audit-detail-documents-listed = тізімдегі құжаттар: { $count }
audit-detail-retention = жойылған көшірмелер — { $copies }, беттер — { $pages }
audit-record-named = { $kind }: { $name }
audit-backup-progress = Көшірілген файлдар: { $done } / { $total }
audit-backup-cancel = Тоқтату
audit-detail-shared-link = орталық { $center }, орнату { $installation }
