# Screens of the desktop app.

app-title = Rastau
app-subtitle = Заверение электронных копий документов
demo-badge = DEMO
demo-hint = Демонстрационные учётные записи: выберите любую, пароль у всех { $password }.
lang-kk = Қазақша
lang-ru = Русский
lang-switch = Язык интерфейса
action-save = Сохранить
action-cancel = Отмена
action-lock = Заблокировать
action-logout = Выйти
working = Подождите…

## First start
setup-title = Первый запуск
setup-intro = Заполните профиль центра и создайте учётную запись руководителя. Всё это можно изменить позже.
setup-center = Профиль центра
setup-supervisor = Руководитель
setup-submit = Сохранить и перейти ко входу
setup-done = Центр настроен. Войдите как руководитель.

## Fields
field-name-kk = Наименование на казахском
field-name-ru = Наименование на русском
field-region = Область
field-address = Адрес
field-phone = Телефон
field-idle-minutes = Автоблокировка после бездействия, минут
field-iin = ИИН
field-full-name = Ф.И.О.
field-position = Должность
field-password = Пароль
field-password-repeat = Пароль ещё раз
field-new-password = Новый пароль (оставьте пустым, чтобы не менять)
passwords-differ = Пароли не совпадают.

## Login and lock
login-title = Вход в систему
login-submit = Войти
lock-title = Сеанс заблокирован
lock-intro = { $name }, введите пароль, чтобы продолжить работу.
lock-submit = Разблокировать
lock-other-user = Войти под другой учётной записью

## Home
nav-home = Главная
nav-staff = Сотрудники
nav-center = Профиль центра
role-clerk = Специалист
role-supervisor = Руководитель
home-welcome = Здравствуйте, { $name }!
home-role = Ваша роль: { $role }.
home-center = Центр: { $center }
home-next = Приём заявителей, сканирование и заверение копий появятся здесь.

## Staff
staff-title = Сотрудники центра
staff-shared-hint = Сотрудники центра «{ $center }» ведутся в общем хранилище: изменения, сделанные здесь, действуют на всех стойках центра. Без связи с общим хранилищем изменять сотрудников нельзя, а вход работает как обычно.
staff-add = Добавить специалиста
staff-new = Новый специалист
staff-edit = Изменить
staff-editing = Изменение: { $name }
staff-role = Роль
staff-status = Состояние
staff-active = Работает
staff-inactive = Отключён
staff-deactivate = Отключить
staff-activate = Включить
staff-confirm-deactivate = Отключить учётную запись «{ $name }»? Сотрудник не сможет войти, пока её снова не включат.
staff-created = Учётная запись «{ $name }» создана.
staff-saved = Изменения сохранены.

## Center
center-title = Профиль центра
center-saved = Профиль центра сохранён.

## Собственный пароль
choose-password-title = Придумайте собственный пароль
choose-password-intro = { $name }, ваш пароль задал руководитель. Чтобы начать работу, замените его новым паролем, который будете знать только вы.
field-given-password = Пароль, выданный руководителем
field-own-password = Новый пароль
choose-password-submit = Сохранить пароль
password-chosen = Новый пароль сохранён. В следующий раз входите с ним.
demo-keys = Ключи ЭЦП: { $folder }/<ИИН>.p12, пароль { $password }; сертификат демо-УЦ: { $folder }/{ $ca }
demo-week = { $from } – { $to }: обращений { $visits }, заверенных копий { $copies }, отказов { $refused } (уведомлений { $notices }), дольше 30 минут { $over }; журнал подписан руководителем за { $signed }.

## The center's place in both languages, printed on the forms in each form's language
field-city-kk = Город (на казахском)
field-city-ru = Город (на русском)
field-district-kk = Район (на казахском)
field-district-ru = Район (на русском)
center-place-hint = Город и район печатаются в формах на языке формы: «Астана қаласы, Есіл ауданы», «г. Астана, район Есиль». Пишите только название, без слов «қаласы», «ауданы», «г.», «район».

## Date fields: typed dd.mm.yyyy, or picked from a calendar whose weeks start on Monday
date-placeholder = дд.мм.гггг
date-invalid = Введите дату в виде дд.мм.гггг, например 03.12.2026.
date-before-min = Дата не может быть раньше { $min }.
date-after-max = Дата не может быть позже { $max }.
date-open-calendar = Выбрать дату в календаре
date-previous-month = Предыдущий месяц
date-next-month = Следующий месяц
date-month-name = { $month ->
    [1] Январь
    [2] Февраль
    [3] Март
    [4] Апрель
    [5] Май
    [6] Июнь
    [7] Июль
    [8] Август
    [9] Сентябрь
    [10] Октябрь
    [11] Ноябрь
   *[12] Декабрь
}
date-weekday = { $day ->
    [1] Пн
    [2] Вт
    [3] Ср
    [4] Чт
    [5] Пт
    [6] Сб
   *[7] Вс
}
