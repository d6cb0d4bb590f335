# rastau doctor: қойма файлдарын оның жазбалары бойынша тексеру.

doctor-summary = Тексерілген файлдар: { $checked }. Жоқ: { $missing }, өзгертілген: { $damaged }, артық: { $orphans }.
doctor-missing = ФАЙЛ ЖОҚ ({ $what }): { $file }. Қойманы резервтік көшірмеден қалпына келтіріңіз.
doctor-damaged = ФАЙЛ ӨЗГЕРТІЛГЕН ({ $what }): { $file }. Қойманы резервтік көшірмеден қалпына келтіріңіз.
doctor-orphan = Жазбасы жоқ файл: { $file } (үзілген жазудың қалдығы; оны жоюға болады).
doctor-what = { $what ->
    [copy] расталған көшірме
    [copy-signature] көшірменің қолтаңбасы
    [fetched-copy] ортақ қоймадан алынған көшірме
    [fetched-copy-signature] ортақ қоймадан алынған көшірменің қолтаңбасы
    [notice] бас тарту туралы хабарлама
    [notice-signature] хабарламаның қолтаңбасы
    [journal] қол қойылған журнал
    [journal-signature] журналдың қолтаңбасы
    [consent-scan] келісімнің сканы
    [page] бет
   *[thumbnail] беттің шағын суреті
}
