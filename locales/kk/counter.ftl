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
