# Errors raised in Rust reach the UI as a code plus arguments; the message id is error-<code>.

error-store-failed = Не удалось прочитать или записать базу данных ({ $detail }). Повторите действие; если ошибка повторяется, обратитесь к администратору.
error-io-failed = Ошибка при работе с файлами: { $detail }. Проверьте свободное место на диске и права доступа.
error-schema-too-new = База данных создана более новой версией Rastau (схема { $found }, эта версия знает схемы до { $known }). Обновите программу; данные не изменены.
error-already-set-up = Центр уже настроен. Войдите под учётной записью руководителя.
error-not-set-up = Центр ещё не настроен. Заполните профиль центра.
error-required = Заполните поле «{ $field ->
        [nameKk] Наименование на казахском
        [nameRu] Наименование на русском
        [region] Область
        [city] Город
        [district] Район
        [address] Адрес
        [phone] Телефон
        [fullName] Ф.И.О.
        [position] Должность
        [password] Пароль
       *[other] { $field }
    }».
error-password-too-short = Пароль слишком короткий: нужно не меньше { $min } символов.
error-wrong-credentials = Неверный ИИН или пароль. Проверьте раскладку клавиатуры и повторите.
error-wrong-password = Неверный пароль. { $attempts ->
        [one] Осталась { $attempts } попытка
        [few] Осталось { $attempts } попытки
       *[other] Осталось { $attempts } попыток
    }, затем учётная запись будет заблокирована на 5 минут.
error-account-locked = Учётная запись заблокирована после 5 неверных паролей. Повторите через { $minutes } мин. или попросите руководителя задать новый пароль.
error-account-inactive = Учётная запись отключена. Обратитесь к руководителю центра.
error-iin-taken = Сотрудник с таким ИИН уже зарегистрирован.
error-account-not-found = Учётная запись не найдена. Обновите список.
error-cannot-deactivate-self = Нельзя отключить собственную учётную запись.
error-not-logged-in = Сначала войдите в систему.
error-session-locked = Сеанс заблокирован. Введите пароль, чтобы продолжить.
error-supervisor-only = Это действие доступно только руководителю.
error-idle-minutes-range = Время автоблокировки — от { $min } до { $max } минут.
error-password-hash = Не удалось проверить пароль. Повторите попытку.
