# rastau verify: қол қойылған файлды тексеру.

verify-signer = Қол қойған: { $name }, ЖСН { $iin }
verify-validity = Сертификат { $from } бастап { $until } дейін жарамды
verify-signing-time = Қол қойған адамның компьютері көрсеткен қол қою уақыты: { $time }
verify-intact-yes = Файл қол қойылғаннан кейін өзгертілмеген.
verify-intact-no = ФАЙЛ қол қойылғаннан кейін ӨЗГЕРТІЛГЕН, не қолтаңба басқа файлға тиесілі.
verify-trusted-yes = Қол қойған адамның сертификатын сенімді куәландырушы орталық берген.
verify-trusted-no = Қол қойған адамның сертификаты сенімді куәландырушы орталықпен расталмаған. Түбірлік сертификатты қосыңыз: rastau trust add <файл.pem>.
verify-in-store = { $kind ->
    [notice] Осы қоймада: № { $number } бас тарту туралы хабарлама («{ $document }»), ЖСН/БСН { $taxId }, { $date } қол қойылған.
   *[copy] Осы қоймада: № { $number } өтініш, «{ $document }», ЖСН/БСН { $taxId }, { $date } расталған.
}
verify-removed = Көшірме файлы сақтау мерзімі өткендіктен жойылған.
verify-not-in-store = Бұл файлды осы қойма берген жоқ.
trust-added = «{ $subject }» сенімді куәландырушы орталығы қосылды, { $from } бастап { $until } дейін жарамды (SHA-256 { $id }).
verify-seal = QR-код: құжат { $document }, ЖСН/БСН { $taxId }, күні { $date }.
verify-seal-valid = QR-кодқа осы қойма сенетін { $key } орталық кілтімен қол қойылған; ондағы деректер өзгермеген.
verify-seal-unknown-key = QR-кодқа осы қоймаға белгісіз { $key } кілтімен қол қойылған: басқа орталықтың кілті немесе жалған. Орталық кілті rastau trust seal <кілт> командасымен қосылады.
verify-seal-forged = QR-КОД ЖАЛҒАН: { $key } орталық кілтінің қолтаңбасы оның деректерімен сәйкес келмейді.
verify-seal-mismatch = QR-код осы қойма берген құжаттың мазмұнына (көшірме беттеріне немесе хабарлама жолдарына) сәйкес келмейді.
seal-none-yet = Бұл орталықта әлі мөр кілті жоқ: ол алғашқы көшірме расталғанда жасалады.
trust-seal-added = Орталықтың { $key } мөр кілті сенімділер қатарына қосылды.
nav-verify = Тексеру
verify-title = Расталған көшірмені не бас тарту туралы хабарламаны тексеру
verify-file = Көшірме немесе хабарлама файлы (PDF)
verify-signature-file = Қолтаңба файлы (.p7s), бар болса
verify-check = Тексеру
verify-signer-label = Қол қойған
verify-validity-label = Сертификаттың жарамдылығы
verify-time-label = Қол қойылған уақыт (қол қоюшының айтуынша)
verify-intact-label = Тұтастық
verify-trusted-label = Сенім
verify-store-label = Қойма
verify-seal-label = QR-код
verify-qr = QR-кодтың мәтіні (штрихкод сканерімен оқыңыз)
verify-trusted-cas = Сенімді куәландырушы орталықтар
verify-trusted-cas-hint = Тек осы куәландырушы орталықтардың бірі берген кілтпен растауға және қол қоюға болады, қолтаңбалар да солар бойынша тексеріледі. ҰКО-ның түбірлік және аралық сертификаттарын қосыңыз (.cer, .crt немесе .pem файлдары).
verify-add-ca = Қосу
verify-ca-added = «{ $subject }» сенімді куәландырушы орталығы қосылды.
verify-checked-at = { $source ->
    [store] Сертификат { $time } сәтіне тексерілді: бұл осы қойма жазып алған растау уақыты.
   *[now] Сертификат қазіргі сәтке, { $time }, тексерілді: файлды бұл қойма берген жоқ, ондағы қол қою уақыты тек қол қойған адамның мәлімдемесі.
}
trust-list-entry = «{ $subject }» (беруші «{ $issuer }»), { $from } бастап { $until } дейін жарамды, SHA-256 { $id }
trust-list-unreadable = { $id } жазбасы оқылмайды: онда куәландырушы орталық сертификаты жоқ, тексеруде қолданылмайды. Оны жойыңыз: rastau trust remove { $id }
trust-list-empty = Сенімді куәландырушы орталықтар жоқ, сондықтан растауға болмайды. ҰКО-ның түбірлік және аралық сертификаттарын қосыңыз: rastau trust add <файл>.
trust-without-status-refuse = Кілттің кері қайтарылу мәртебесін не уақыт белгісін алу мүмкін болмаса, қол қойылмайды (әдепкі).
trust-without-status-allow = Кілттің кері қайтарылу мәртебесін не уақыт белгісін алу мүмкін болмаса да, қол қойылады; көшірмеде бұл жазылады.
trust-tsa = Әр қолтаңбаның уақытын { $url } уақыт белгілері қызметі растайды.
trust-tsa-none = Уақыт белгілері қызметі көрсетілмеген: қолтаңбаларда уақыт белгісі жоқ.
trust-removed = { $id } куәландырушы орталығы сенімділер тізімінен алынды.
verify-trusted-cas-none = Бірде-бір сенімді куәландырушы орталық жоқ: растауға және қол қоюға болмайды. ҰКО сертификаттарын қосыңыз.
verify-ca-subject = Куәландырушы орталық
verify-ca-issuer = Кім берген
verify-ca-validity = Жарамдылығы
verify-ca-unreadable = Оқылмайтын жазба (қолданылмайды)
verify-ca-remove = Алып тастау
verify-ca-remove-confirm = «{ $subject }» сенімділер тізімінен алынсын ба? Бұл орталық берген кілттер енді растай алмайды, олардың қолтаңбалары сенімді саналмайды.
verify-ca-file = Куәландырушы орталықтың сертификат файлы
trust-key-source-pkcs12 = ЭЦҚ кілттері кілт файлынан (PKCS#12) ашылады (әдепкі). NCALayer таңдалса, оның терезесі мына қоймаларды ұсынады: { $storages }.
trust-key-source-ncalayer = ЭЦҚ кілттері NCALayer арқылы ашылады; оның терезесі мына қоймаларды ұсынады: { $storages }.

# Тексеру хаттамасы: ETSI EN 319 102-1 бойынша қорытынды (ЕО-ның DSS жүйесі беретіндей).
verify-indication = { $indication ->
    [passed] ҚОЛТАҢБА ЖАРАМДЫ
    [failed] ҚОЛТАҢБА ЖАРАМСЫЗ
   *[indeterminate] Қолтаңбаның жарамдылығы анықталмады
}
verify-indication-line = Қорытынды: { $words } (ETSI: { $code })
verify-reason-algorithm-not-checkable = Қолтаңба { $algorithm } алгоритмімен жасалған: оны мұнда тексеру мүмкін емес (қолтаңба мәні де, кері қайтарылу мәртебесі де тексерілмеді). NCALayer немесе ҰКО-ның тексеру қызметін пайдаланыңыз.
verify-reason-changed = Файл қол қойылғаннан кейін өзгертілген: оның хэші қол қойылған хэшке сәйкес келмейді.
verify-reason-changed-after-signing = Қол қойылғаннан кейін файлға тексеру деректерінен басқа өзгерістер қосылған.
verify-reason-signature-value = Қолтаңба мәні сертификаттың кілтімен расталмайды.
verify-reason-timestamp-invalid = Қолтаңбаның уақыт белгісі жарамсыз ({ $detail }): қол қойылған уақытты ешкім растамайды.
verify-reason-no-chain = «{ $issuer }» берген сертификат осы орталық сенетін куәландырушы орталыққа жетпейді.
verify-reason-chain-invalid = Сертификаттар тізбегі жарамсыз: { $detail }.
verify-reason-revocation-unusable = Файлдағы кері қайтарылу мәртебелерінің { $count } қабылданбады (берушінің қолы жоқ немесе оқылмайды).
verify-reason-revoked = Сертификат { $time } кері қайтарылған, яғни тексерілген сәтке дейін.
verify-reason-revoked-later = Сертификат кейін, { $time } кері қайтарылған: тексерілген сәтте ол әлі жарамды еді.
verify-reason-not-yet-valid = «{ $subject }» сертификаты тексерілген сәтте әлі күшіне енбеген ({ $from } бастап).
verify-reason-expired = «{ $subject }» сертификатының мерзімі тексерілген сәтке дейін, { $until } өткен.
verify-reason-store-vouches = Бұл қолтаңбаны осы орталық жасап, жазып алған: қол қойған кезде кілттің мәртебесі тексерілді.
verify-reason-revocation-stale = Файлдағы кері қайтарылу мәртебесі ({ $time }) тексерілген сәттен бұрынғы: жаңасы керек.
verify-reason-no-revocation-data = Файлда кілттің кері қайтарылу мәртебесі жоқ (OCSP жауабы не CRL): кілт қол қойған кезде кері қайтарылмағанын ешнәрсе көрсетпейді.
verify-time-used = { $source ->
    [timestamp] { $time } — қолтаңбаның уақыт белгісі бойынша
    [store] { $time } — осы қойма жазып алған қол қою уақыты бойынша
   *[present] { $time } — қазіргі сәт: ертерек уақытты ешкім растамайды
}
verify-revocation = { $state ->
    [good] Кері қайтарылмаған
    [revoked] КЕРІ ҚАЙТАРЫЛҒАН
   *[unknown] Белгісіз
}
verify-revocation-source = { $source ->
    [dss-ocsp] PDF ішіндегі OCSP жауабы (DSS)
    [dss-crl] PDF ішіндегі кері қайтарылған сертификаттар тізімі (DSS)
    [cades-ocsp] қолтаңбадағы OCSP жауабы (CAdES revocation values)
    [cades-crl] қолтаңбадағы кері қайтарылған сертификаттар тізімі (CAdES revocation values)
    [signed-data-crl] қолтаңбадағы кері қайтарылған сертификаттар тізімі
    [store] осы қойманың қол қою кезіндегі тексеруі
   *[none] көзі жоқ
}
verify-revocation-line = Кері қайтарылу мәртебесі: { $state }
verify-time-used-line = Тексерілген сәт: { $time }
verify-reasons-line = Себептер:
verify-indication-label = Қорытынды
verify-reasons-label = Себептер
verify-time-used-label = Тексерілген сәт
verify-revocation-label = Кері қайтарылу
verify-report-saved = Хаттама сақталды: { $path }
verify-report-written = Тексеру хаттамасы жазылды: { $path }
# Тексеру хаттамасы (PDF): өтініш берушіге немесе оны қабылдайтын органға.
verify-report-title = Электрондық цифрлық қолтаңбаны тексеру хаттамасы
verify-report-subtitle = ETSI EN 319 102-1 бойынша, тек файлдың өзіндегі деректермен
verify-report-file = Файл
verify-report-sha256 = Файлдың SHA-256 хэші
verify-report-signature-file = Қолтаңба файлы
verify-report-signer = Қол қойған
verify-report-certificate = Сертификаттың жарамдылығы
verify-report-indication = Қорытынды
verify-report-reasons = Себептер
verify-report-time = Тексерілген сәт және оның көзі
verify-report-revocation = Кері қайтарылу мәртебесі және оның көзі
verify-report-claimed = Қол қою уақыты (қол қоюшының мәлімдемесі)
verify-report-store = Осы орталықтың қоймасы
verify-report-seal = QR-код (орталықтың мөрі)
verify-report-made = Хаттаманы { $center } { $time } жасады.
verify-report-note = Хаттама Rastau бағдарламасымен жасалды. Қорытынды осы файл мен оның қолтаңбасындағы деректерге және орталық сенетін куәландырушы орталықтардың тізіміне негізделген. Оны кез келген PAdES/CAdES валидаторымен қайта тексеруге болады.
verify-report-none = —
verify-report-path = Тексеру хаттамасының PDF файлы
verify-save-report-kk = Қазақша сақтау
verify-save-report-ru = Орысша сақтау
