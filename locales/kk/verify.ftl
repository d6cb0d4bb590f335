# rastau verify: қол қойылған файлды тексеру.

verify-signer = Қол қойған: { $name }, ЖСН { $iin }
verify-validity = Сертификат { $from } бастап { $until } дейін жарамды
verify-signing-time = Қол қойылған уақыт: { $time }
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
trust-added = Сенімді сертификат қосылды.
verify-seal = QR-код: құжат { $document }, ЖСН/БСН { $taxId }, күні { $date }.
verify-seal-valid = QR-кодқа осы қойма сенетін { $key } орталық кілтімен қол қойылған; ондағы деректер өзгермеген.
verify-seal-unknown-key = QR-кодқа осы қоймаға белгісіз { $key } кілтімен қол қойылған: басқа орталықтың кілті немесе жалған. Орталық кілті rastau trust seal <кілт> командасымен қосылады.
verify-seal-forged = QR-КОД ЖАЛҒАН: { $key } орталық кілтінің қолтаңбасы оның деректерімен сәйкес келмейді.
verify-seal-mismatch = QR-код осы қойма берген құжаттың мазмұнына (көшірме беттеріне немесе хабарлама жолдарына) сәйкес келмейді.
seal-none-yet = Бұл орталықта әлі мөр кілті жоқ: ол алғашқы көшірме расталғанда жасалады.
trust-seal-added = Орталықтың { $key } мөр кілті сенімділер қатарына қосылды.
nav-verify = Тексеру
verify-title = Расталған көшірмені тексеру
verify-file = Көшірме файлы (PDF)
verify-signature-file = Қолтаңба файлы (.p7s), бар болса
verify-check = Тексеру
verify-signer-label = Қол қойған
verify-validity-label = Сертификаттың жарамдылығы
verify-time-label = Қол қойылған уақыт
verify-intact-label = Тұтастық
verify-trusted-label = Сенім
verify-store-label = Қойма
verify-seal-label = QR-код
verify-qr = QR-кодтың мәтіні (штрихкод сканерімен оқыңыз)
verify-trusted-cas = Сенімді куәландырушы орталықтар
verify-trusted-cas-hint = Қолтаңбалар ҰКО және басқа сенімді орталықтардың түбірлік сертификаттары (.pem файлдары) бойынша тексеріледі.
verify-add-ca = Сертификат қосу…
verify-ca-added = Сенімді сертификат қосылды.
