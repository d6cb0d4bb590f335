# rastau doctor: проверка файлов хранилища по его записям.

doctor-summary = Проверено файлов: { $checked }. Нет на месте: { $missing }, изменены: { $damaged }, лишние: { $orphans }.
doctor-missing = НЕТ ФАЙЛА ({ $what }): { $file }. Восстановите хранилище из резервной копии.
doctor-damaged = ФАЙЛ ИЗМЕНЁН ({ $what }): { $file }. Восстановите хранилище из резервной копии.
doctor-orphan = Файл без записи: { $file } (остаток прерванной записи; его можно удалить).
doctor-what = { $what ->
    [copy] заверенная копия
    [copy-signature] подпись копии
    [fetched-copy] копия, полученная из общего хранилища
    [fetched-copy-signature] подпись копии из общего хранилища
    [notice] уведомление об отказе
    [notice-signature] подпись уведомления
    [journal] подписанный журнал
    [journal-signature] подпись журнала
    [consent-scan] скан согласия
    [page] страница
   *[thumbnail] миниатюра страницы
}
