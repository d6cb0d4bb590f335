# Жұмыс үстелі қолданбасының экрандары.

app-title = Rastau
app-subtitle = Құжаттардың электрондық көшірмелерін растау
demo-badge = DEMO
demo-hint = Демо тіркелгілері: біреуін таңдаңыз, бәрінің құпиясөзі { $password }.
lang-kk = Қазақша
lang-ru = Русский
lang-switch = Интерфейс тілі
action-save = Сақтау
action-cancel = Болдырмау
action-lock = Бұғаттау
action-logout = Шығу
working = Күте тұрыңыз…

## First start
setup-title = Алғашқы іске қосу
setup-intro = Орталық профилін толтырып, басшының есептік жазбасын жасаңыз. Мұның бәрін кейін өзгертуге болады.
setup-center = Орталық профилі
setup-supervisor = Басшы
setup-submit = Сақтап, кіруге өту
setup-done = Орталық бапталды. Басшы ретінде кіріңіз.

## Fields
field-name-kk = Қазақша атауы
field-name-ru = Орысша атауы
field-region = Облыс
field-address = Мекенжай
field-phone = Телефон
field-idle-minutes = Әрекетсіздіктен кейін автобұғаттау, минут
field-iin = ЖСН
field-full-name = Т.А.Ә.
field-position = Лауазымы
field-password = Құпиясөз
field-password-repeat = Құпиясөзді қайталаңыз
field-new-password = Жаңа құпиясөз (өзгертпеу үшін бос қалдырыңыз)
passwords-differ = Құпиясөздер сәйкес келмейді.

## Login and lock
login-title = Жүйеге кіру
login-submit = Кіру
lock-title = Сеанс бұғатталды
lock-intro = { $name }, жұмысты жалғастыру үшін құпиясөзді енгізіңіз.
lock-submit = Бұғаттан шығару
lock-other-user = Басқа есептік жазбамен кіру

## Home
nav-home = Басты бет
nav-staff = Қызметкерлер
nav-center = Орталық профилі
role-clerk = Маман
role-supervisor = Басшы
home-welcome = Сәлеметсіз бе, { $name }!
home-role = Сіздің рөліңіз: { $role }.
home-center = Орталық: { $center }
home-next = Өтініш берушілерді қабылдау, сканерлеу және көшірмелерді растау осы жерде пайда болады.

## Staff
staff-title = Орталық қызметкерлері
staff-shared-hint = «{ $center }» орталығының қызметкерлері ортақ қоймада жүргізіледі: мұнда енгізілген өзгерістер орталықтың барлық терезелерінде күшіне енеді. Ортақ қоймамен байланыс болмаса, қызметкерлерді өзгерту мүмкін емес, ал кіру бұрынғыдай жұмыс істейді.
staff-add = Маман қосу
staff-new = Жаңа маман
staff-edit = Өзгерту
staff-editing = Өзгерту: { $name }
staff-role = Рөлі
staff-status = Күйі
staff-active = Жұмыс істейді
staff-inactive = Өшірілген
staff-deactivate = Өшіру
staff-activate = Қосу
staff-confirm-deactivate = «{ $name }» есептік жазбасын өшіру керек пе? Қайта қосылғанша қызметкер кіре алмайды.
staff-created = «{ $name }» есептік жазбасы жасалды.
staff-saved = Өзгерістер сақталды.

## Center
center-title = Орталық профилі
center-saved = Орталық профилі сақталды.

## Өз құпиясөзін таңдау
choose-password-title = Өз құпиясөзіңізді таңдаңыз
choose-password-intro = { $name }, құпиясөзіңізді басшы орнатқан. Жұмысты бастау үшін оны тек өзіңіз білетін жаңа құпиясөзге ауыстырыңыз.
field-given-password = Басшы берген құпиясөз
field-own-password = Жаңа құпиясөз
choose-password-submit = Құпиясөзді сақтау
password-chosen = Жаңа құпиясөз сақталды. Келесі жолы сонымен кіріңіз.
demo-keys = ЭЦҚ кілттері: { $folder }/<ЖСН>.p12, құпиясөзі { $password }; демо КО сертификаты: { $folder }/{ $ca }
demo-week = { $from } – { $to }: өтініштер { $visits }, куәландырылған көшірмелер { $copies }, бас тартулар { $refused } (хабарламалар { $notices }), 30 минуттан асқаны { $over }; журналына басшы қол қойған күн: { $signed }.

## The center's place in both languages, printed on the forms in each form's language
field-city-kk = Қала (қазақша)
field-city-ru = Қала (орысша)
field-district-kk = Аудан (қазақша)
field-district-ru = Аудан (орысша)
center-place-hint = Қала мен аудан нысандарда нысанның тілінде басылады: «Астана қаласы, Есіл ауданы», «г. Астана, район Есиль». Тек атауын жазыңыз, «қаласы», «ауданы», «г.», «район» сөздерінсіз.

## Date fields: typed dd.mm.yyyy, or picked from a calendar whose weeks start on Monday
date-placeholder = кк.аа.жжжж
date-invalid = Күнді кк.аа.жжжж түрінде енгізіңіз, мысалы 03.12.2026.
date-before-min = Күн { $min } күнінен ерте болмауы керек.
date-after-max = Күн { $max } күнінен кеш болмауы керек.
date-open-calendar = Күнтізбеден таңдау
date-previous-month = Алдыңғы ай
date-next-month = Келесі ай
date-month-name = { $month ->
    [1] Қаңтар
    [2] Ақпан
    [3] Наурыз
    [4] Сәуір
    [5] Мамыр
    [6] Маусым
    [7] Шілде
    [8] Тамыз
    [9] Қыркүйек
    [10] Қазан
    [11] Қараша
   *[12] Желтоқсан
}
date-weekday = { $day ->
    [1] Дс
    [2] Сс
    [3] Ср
    [4] Бс
    [5] Жм
    [6] Сб
   *[7] Жс
}
