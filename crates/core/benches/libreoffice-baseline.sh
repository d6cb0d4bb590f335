#!/usr/bin/env bash
# Times LibreOffice converting the same notice of refusal (Annex 2) that the criterion bench
# renders (`cargo bench -p rastau-core --bench notice`): in Russian, one document refused on two
# grounds with a justification. The notice is written as a flat ODT (.fodt) by hand: the annex
# note and the applicant top right, the title, the sentence naming the center, a 4-column
# table, the date, the signature block, the executor and the equivalence sentence in Kazakh and
# Russian, in Noto Sans (the font Rastau embeds). It has no QR code, which LibreOffice cannot
# draw by itself: the baseline does less than Rastau does.
#
# Usage: bash crates/core/benches/libreoffice-baseline.sh   (RUNS=N, default 15)
# Needs: soffice. On Debian: apt-get install -y --no-install-recommends libreoffice-writer-nogui
#        (or libreoffice-writer); fonts-noto-core for Noto Sans.
set -euo pipefail

if ! command -v soffice >/dev/null; then
    echo "soffice not found; install LibreOffice Writer, e.g. on Debian:" >&2
    echo "  apt-get install -y --no-install-recommends libreoffice-writer-nogui" >&2
    exit 1
fi

runs=${RUNS:-15}
dir=$(mktemp -d "${TMPDIR:-/tmp}/rastau-lo-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fodt="$dir/notice.fodt"

# A profile of its own, so that a running LibreOffice is not disturbed and the first run's
# profile creation is not timed.
profile="file://$dir/profile"

cat >"$fodt" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Noto Sans" svg:font-family="'Noto Sans'"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.1cm"/>
   <style:text-properties style:font-name="Noto Sans" fo:font-size="11pt" fo:language="ru" fo:country="RU"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
     fo:margin-left="3cm" fo:margin-top="2cm" fo:margin-right="1.5cm" fo:margin-bottom="2cm"/>
  </style:page-layout>
  <style:style style:name="Note" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="8cm"/>
   <style:text-properties fo:font-size="8pt" fo:color="#4d4d4d"/>
  </style:style>
  <style:style style:name="Filled" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="8cm" fo:border-bottom="0.4pt solid #737373"/>
  </style:style>
  <style:style style:name="Caption" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="8cm" fo:text-align="center"/>
   <style:text-properties fo:font-size="8pt" fo:color="#4d4d4d"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.8cm" fo:margin-bottom="0.4cm"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Head" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="8.5pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Cell" style:family="paragraph">
   <style:text-properties fo:font-size="9.5pt"/>
  </style:style>
  <style:style style:name="Small" style:family="paragraph">
   <style:text-properties fo:font-size="7.5pt"/>
  </style:style>
  <style:style style:name="Grid" style:family="table">
   <style:table-properties style:width="16.5cm" table:align="left"/>
  </style:style>
  <style:style style:name="Grid.A" style:family="table-column"><style:table-column-properties style:column-width="1.06cm"/></style:style>
  <style:style style:name="Grid.B" style:family="table-column"><style:table-column-properties style:column-width="3.08cm"/></style:style>
  <style:style style:name="Grid.C" style:family="table-column"><style:table-column-properties style:column-width="8.93cm"/></style:style>
  <style:style style:name="Grid.D" style:family="table-column"><style:table-column-properties style:column-width="3.43cm"/></style:style>
  <style:style style:name="Grid.H" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.14cm" fo:border="0.5pt solid #000000" fo:background-color="#f0f0f0"/>
  </style:style>
  <style:style style:name="Grid.V" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.14cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:style style:name="Foot" style:family="table">
   <style:table-properties style:width="16.5cm" table:align="left"/>
  </style:style>
  <style:style style:name="Foot.X" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="none"/>
  </style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4"/>
 </office:master-styles>
 <office:body>
  <office:text>
   <text:p text:style-name="Note">Приложение 2 к Правилам заверения электронных копий документов сотрудниками центров обслуживания населения</text:p>
   <text:p text:style-name="Filled"><text:span>Әбілқайыр Ғалымжан Қанатұлы</text:span></text:p>
   <text:p text:style-name="Caption">(Ф.И.О., либо наименование организации заявителя)</text:p>
   <text:p text:style-name="Filled">Өскемен қ., Ұлан көшесі, 7-үй, 12-пәтер</text:p>
   <text:p text:style-name="Caption">(адрес заявителя)</text:p>
   <text:p text:style-name="Title">Уведомление об отказе в заверении электронных копий документов</text:p>
   <text:p>Центр обслуживания населения (Қазыбек би район, г. Қарағанды) отказывает в заверении электронных копий документов по следующим основаниям:</text:p>
   <table:table table:name="Refusals" table:style-name="Grid">
    <table:table-column table:style-name="Grid.A"/>
    <table:table-column table:style-name="Grid.B"/>
    <table:table-column table:style-name="Grid.C"/>
    <table:table-column table:style-name="Grid.D"/>
    <table:table-header-rows>
     <table:table-row>
      <table:table-cell table:style-name="Grid.H"><text:p text:style-name="Head">№ п/п</text:p></table:table-cell>
      <table:table-cell table:style-name="Grid.H"><text:p text:style-name="Head">Реквизиты документа, представленного для заверения</text:p></table:table-cell>
      <table:table-cell table:style-name="Grid.H"><text:p text:style-name="Head">Основания отказа в соответствии с Правилами заверения электронных копий документов сотрудниками центров обслуживания населения</text:p></table:table-cell>
      <table:table-cell table:style-name="Grid.H"><text:p text:style-name="Head">Обоснование</text:p></table:table-cell>
     </table:table-row>
    </table:table-header-rows>
    <table:table-row>
     <table:table-cell table:style-name="Grid.V"><text:p text:style-name="Cell">1</text:p></table:table-cell>
     <table:table-cell table:style-name="Grid.V">
      <text:p text:style-name="Cell">Үй кітабы (Һ. Әуезов көшесі, 3)</text:p>
      <text:p text:style-name="Cell">Номер: І-ҚР № 004512; Дата выдачи: 01.09.2001; Кем выдан: «Ғимарат-Ңөұүһі» ЖШС</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="Grid.V">
      <text:p text:style-name="Cell">подпункт 1) пункта 9 Правил: не представлены документы, указанные в пункте 5 настоящих Правил</text:p>
      <text:p text:style-name="Cell">подпункт 3) пункта 9 Правил: представленные документы имеют подчистки, приписки, зачеркнутые слова или иные неоговоренные исправления, исполнены карандашом, а также имеют нечитаемый оттиск печати</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="Grid.V"><text:p text:style-name="Cell">2-бетте мөрдің таңбасы оқылмайды; на стр. 3 исправление карандашом (Һ. Үсенов)</text:p></table:table-cell>
    </table:table-row>
   </table:table>
   <text:p/>
   <text:p>« 23 » ноября 2026 г.</text:p>
   <text:p/>
   <text:p>Бас маман / Главный специалист<text:tab/>______________<text:tab/>Нұрпейісова Әсел Ғазизқызы</text:p>
   <text:p text:style-name="Small">(должность)<text:tab/>(подпись)<text:tab/>(Ф.И.О.)</text:p>
   <text:p/>
   <text:p>Исп.: Ғабитов Ұлан, тел. +7 7212 41 12 12</text:p>
   <text:p/>
   <table:table table:name="Equivalence" table:style-name="Foot">
    <table:table-column/>
    <table:table-column/>
    <table:table-row>
     <table:table-cell table:style-name="Foot.X">
      <text:p text:style-name="Small">Бұл құжат ХҚКО уәкілетті тұлғасының электрондық цифрлық қолтаңбасымен қол қойылған электрондық құжаттың басып шығарылған көшірмесі болып табылады. «Электрондық құжат және электрондық цифрлық қолтаңба туралы» Қазақстан Республикасының 2003 жылғы 7 қаңтардағы № 370-II Заңының 7-бабының 1-тармағына сәйкес электрондық цифрлық қолтаңба арқылы куәландырылған электрондық құжат қағаз жеткізгіштегі қол қойылған құжатпен бірдей.</text:p>
      <text:p text:style-name="Small">Хабарламаны тексеру: rastau verify</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="Foot.X">
      <text:p text:style-name="Small">Настоящий документ является распечатанной копией электронного документа, подписанного электронной цифровой подписью уполномоченного лица ЦОН. Согласно пункту 1 статьи 7 Закона Республики Казахстан от 7 января 2003 года № 370-II «Об электронном документе и электронной цифровой подписи» электронный документ, удостоверенный посредством электронной цифровой подписи, равнозначен подписанному документу на бумажном носителе.</text:p>
      <text:p text:style-name="Small">Проверка уведомления: rastau verify</text:p>
     </table:table-cell>
    </table:table-row>
   </table:table>
  </office:text>
 </office:body>
</office:document>
XML

convert() {
    soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$dir" "$fodt" >/dev/null 2>&1
}

echo "$(soffice --version | head -1)"
convert # creates the profile; not timed
python3 - "$runs" "$dir/notice.pdf" "$profile" "$fodt" "$dir" <<'PY'
import os, statistics, subprocess, sys, time
runs, pdf, profile, fodt, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
cmd = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
       "--outdir", out, fodt]
times = []
for _ in range(runs):
    os.remove(pdf)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - t)
    assert os.path.exists(pdf), "soffice wrote no PDF"
print(f"soffice --headless --convert-to pdf (.fodt, {runs} runs): "
      f"median {statistics.median(times)*1000:.0f} ms, min {min(times)*1000:.0f} ms, "
      f"{os.path.getsize(pdf)} bytes")
PY
if [ -n "${KEEP_PDF:-}" ]; then cp "$dir/notice.pdf" "$KEEP_PDF"; fi
