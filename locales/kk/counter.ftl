# Қабылдау орны: бір өтініш берушіге қызмет көрсету.

nav-counter = Қабылдау
counter-title = Өтініш берушіні қабылдау
counter-tax-id = Өтініш берушінің ЖСН-і немесе БСН-і
counter-known = Өтініш беруші бұрын жүгінген: деректер толтырылды, оларды тексеріңіз.
counter-new = Жаңа өтініш беруші.
counter-kind-person = Жеке тұлға
counter-kind-entity = Заңды тұлға
field-surname = Тегі
field-given-name = Аты
field-patronymic = Әкесінің аты
field-organization = Ұйымның атауы
counter-has-representative = Құжаттарды сенімхат бойынша өкіл тапсырады
counter-representative = Өкіл
field-representative-name = Өкілдің Т.А.Ә.
field-representative-iin = Өкілдің ЖСН-і
field-poa-number = Сенімхат нөмірі
field-poa-issued = Берілген күні
field-poa-valid-until = Жарамдылық мерзімі
counter-accept = Құжаттарды қабылдау
counter-open-visits = Аяқталмаған өтініштер
counter-resume = Жалғастыру

## The visit
visit-number = № { $number } өтініш
visit-clock = 30 минуттың { $time } өтті
visit-clock-breach = 30 минуттық мерзім асып кетті: { $time }
visit-applicant = Өтініш беруші: { $name } ({ $taxId })
visit-representative = Өкіл: { $name }, № { $poa } сенімхат, { $until } дейін
visit-documents = Растауға арналған құжаттар
field-document-title = Құжаттың атауы
field-document-number = Нөмірі
field-document-date = Берілген күні
field-document-issuer = Кім берді
visit-add-document = Құжат қосу
visit-remove-document = Алып тастау
visit-copies-on-media = Көшірмелерді электрондық жеткізгіште беру
visit-save-documents = Тізімді сақтау
visit-documents-saved = Құжаттар тізімі сақталды.
visit-confirm-consent = Қол қойылған келісім алынды
visit-consent-received = Келісім { $time } алынды.
visit-consent-needed = Жазбаша келісімсіз (1-қосымша) растау мүмкін емес.
visit-finish = Өтінішті аяқтау
visit-confirm-finish = № { $number } өтінішті аяқтау керек пе? Осыдан кейін оны өзгертуге болмайды.
visit-finished = № { $number } өтініш { $minutes } минутта аяқталды.

## Растаудан бас тарту (Қағидалардың 9-тармағы) және хабарлама (2-қосымша)

certify-refused = Бас тартылды
refuse-title = Растаудан бас тарту
refuse-offer-consent = Жазбаша келісім (1-қосымша) алынбаған: Қағидалардың 9-тармағының 1) тармақшасы бойынша растаудан бас тартылады.
refuse-offer-button = 1-негіз бойынша бас тартуды дайындау
refuse-offer-consent-text = Өтініш берушінің Қағидаларға 1-қосымша нысанындағы жазбаша келісімі ұсынылмады.
refuse-offer-originals-text = Қағаз тасығыштағы түпнұсқа құжаттар ұсынылмады.
refuse-ground-one-offered = Келісім немесе түпнұсқалар жетіспейтіндіктен 1-негіз ұсынылды. Тексеріп, растаңыз.
refuse-start = Растаудан бас тарту…
refuse-which = Растаудан бас тартылатын құжаттар
refuse-all = Барлығын белгілеу
refuse-document = Құжат
refuse-grounds = Бас тарту негіздері
refuse-justification = Негіздеме
refuse-justification-hint = Растауға не кедергі: мысалы, «2-беттегі күн қарындашпен түзетілген», «мөр таңбасы оқылмайды».
refuse-confirm = Бас тарту
refuse-withdraw = Бас тартуды болдырмау
refuse-in-notice = Хабарламада
refuse-notice-pending = { $count ->
    [one] Бас тарту әлі хабарламамен ресімделмеген.
   *[other] { $count } бас тарту әлі хабарламамен ресімделмеген.
}
refuse-notice-language = Хабарлама тілі:
refuse-notice-language-kk = қазақша
refuse-notice-language-ru = орысша
refuse-notice-language-both = екеуі бір парақта
refuse-notice-sign = Хабарламаға ЭЦҚ қою
refuse-notice-sign-supervisor = Хабарламаға басшының ЭЦҚ-сын қою
refuse-notice-signed = № { $number } хабарламаға қол қойылып, өтініш берушінің ЖСН/БСН-іне сақталды.
refuse-notice-supervisor-key-title = Басшының ЭЦҚ кілті
refuse-notice-supervisor-key-hint = Орталықтың баптауы бойынша бас тарту туралы хабарламаға басшы қол қояды. Басшы өз кілт файлын таңдап, құпиясөзін енгізеді; кілт тек осы қолтаңба үшін пайдаланылады.
refuse-notices-title = Бас тарту туралы хабарламалар
refuse-notices-number = Нөмірі
refuse-notices-signer = Қол қойған
refuse-notices-issued = Қол қойылды
refuse-notices-prints = Басылды
refuse-notices-print = Басып шығару…
refuse-notices-preview = № { $number } бас тарту туралы хабарлама
field-document-sheets = Түпнұсқа парақтары
visit-consent-present = Келісімге қызметкердің көзінше жеке қол қойған:
visit-consent-present-applicant = өтініш беруші: { $name }
visit-consent-present-representative = сенімхат бойынша өкіл: { $name }
visit-consent-given = Жеке қол қойған: { $name } ({ $present ->
        [representative] өкіл
       *[applicant] өтініш беруші
    }); тіркеген: { $clerk }.
visit-refuse-undecided = Шешімсіз құжаттар бойынша бас тарту…
refuse-offer-left-text = Өтініш беруші қызмет көрсету аяқталғанға дейін кетіп қалды: түпнұсқа құжаттар растауға ұсынылмады.
# Ұсынылатын құжат атаулары мен берген органдар: әр жол бір ұсыныс.
document-suggested-titles =
    Туу туралы куәлік
    Жеке куәлік
    Төлқұжат
    Диплом
    Дипломға қосымша
    Аттестат
    Неке қию туралы куәлік
    Некені бұзу туралы куәлік
    Қайтыс болу туралы куәлік
    Еңбек кітапшасы
    Анықтама
    Сенімхат
document-suggested-issuers =
    АХАТ
    ҚР ІІМ
    ҚР Әділет министрлігі
    ХҚКО
    Нотариус
