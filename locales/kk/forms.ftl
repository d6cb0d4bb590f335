# Өтініш берушіге басып шығарылатын нысандар: келісім (Қағидалардың 1-қосымшасы) және қолхат.

## Нысандардағы күн: « 23 » қараша 2026 ж.

forms-month = { $month ->
    [1] қаңтар
    [2] ақпан
    [3] наурыз
    [4] сәуір
    [5] мамыр
    [6] маусым
    [7] шілде
    [8] тамыз
    [9] қыркүйек
    [10] қазан
    [11] қараша
   *[12] желтоқсан
}
forms-date = « { $day } » { $month } { $year } ж.

## Екі нысанға ортақ

forms-tax-id = { $kind ->
    [bin] БСН
   *[iin] ЖСН
}
forms-address = Мекенжайы
forms-phone = тел.
forms-representative-label = Өкіл
# «№» мен нөмірдің, «қажет:» мен жауаптың арасында — үзілмейтін бос орын (жол бөлінбеуі үшін).
forms-representative = { $name }, ЖСН { $iin }, { $issued } берілген № { $poa } сенімхат ({ $until } дейін жарамды)
forms-journal-number = Журналдағы тіркеу нөмірі

## Келісім (1-қосымша)

forms-consent-annex = Халыққа қызмет көрсету орталығы қызметкерлерінің құжаттардың электрондық көшірмелерін растауы қағидаларына 1-қосымша
forms-consent-city = { $city } қаласының
forms-consent-district = { $district } ауданы
forms-consent-applicant-caption = (жеке тұлғаның тегі, аты, әкесінің аты немесе ұйымның атауы, ЖСН/БСН толығымен)
forms-consent-title = Өтініш
forms-consent-body = Мына құжаттардың электрондық көшірмелерін растау үшін келісімімді беремін (құжаттардың электрондық көшірмелерін электрондық тасымалдағышқа беру қажеттігін көрсету):
forms-consent-media = Құжаттардың электрондық көшірмелерін электрондық тасымалдағышқа беру қажет: { $wanted ->
    [yes] иә
   *[no] жоқ
}
forms-consent-signer = Т.А.Ә.
forms-consent-signature = (өтініш берушінің қолы)
forms-consent-scan-file = Қол қойылған өтініш

## Қолхат

forms-receipt-title = Қолхат
forms-receipt-subtitle = құжаттардың электрондық көшірмелерін растау туралы
forms-receipt-applicant = Өтініш беруші
forms-receipt-clerk = ХҚКО қызметкері
forms-receipt-started = Құжаттар қабылданды
forms-receipt-ended = Қызмет аяқталды
forms-receipt-copies = Расталған электрондық көшірмелер
forms-receipt-document = Құжат
forms-receipt-pages = Беттер
forms-receipt-kept-until = Қашанға дейін сақталады
forms-receipt-none = Электрондық көшірмелер расталған жоқ.
forms-receipt-refused = Растаудан бас тартылды
forms-receipt-grounds = Негіздер (Қағидалардың 9-т.)
forms-receipt-grounds-value = { $grounds }) тт.
forms-receipt-notice = Бас тарту туралы хабарлама
forms-receipt-fee = Қызмет құны
forms-receipt-free = Тегін (0 ₸)
forms-receipt-kept-note = Электрондық көшірмелер өтініш берушінің ЖСН/БСН-іне тіркелген, алты ай сақталады және осы мерзім ішінде кез келген халыққа қызмет көрсету орталығында беріледі.
forms-receipt-clerk-signature = (қызметкердің қолы)
forms-receipt-qr-caption = Қолхатты тексеруге арналған QR код
forms-receipt-consent = Келісімді жеке өзі берді
forms-receipt-consent-value = { $name } ({ $present ->
        [representative] өкіл
       *[applicant] өтініш беруші
    }), тіркеген { $clerk }
