"""The words that make a sentence a claim, in Indonesian, English and Russian.

Each entry is a regular expression over folded text (lower case, ё as е). Patterns are
joined across languages on purpose: texts mix them, and a word of one language is not a
word of another. Stems cover inflection ("подписа" for подписал, подписали, подписан).
"""

from __future__ import annotations

import re
from functools import cache

WORDS: dict[str, str] = {
    "member": r"members?|membership|member-states?|anggota|keanggotaan|beranggotakan|tergabung|"
    r"includes?|including|comprising|comprises|consisting|consists|mencakup|terdiri|"
    r"diikuti|входят|входит|вошли|члены|членами|членов|членом|член|государства-члены|"
    r"государств-членов|participants?|peserta|участник\w*|participating|партнер\w*|"
    r"bloc|grouping|blok",
    "sign": r"sign\w*|menandatangani|ditandatangani|penandatangan\w*|tandatangan|подписа\w*|подписи",
    "treaty": r"treaty|traktat|perjanjian|pakta|договор\w*|дкб",
    "charter": r"charter|piagam|устав\w*",
    "protocol": r"protocol|protokol|протокол\w*",
    "in_force": r"(?:entered|came|went|enter|come)\s+into\s+(?:force|effect)|in force since|"
    r"mulai berlaku|berlaku sejak|вступ\w*\s+в\s+силу",
    "found": r"found\w*|establish\w*|created|formed|didirikan|dibentuk|berdiri|pendirian|"
    r"pembentukan|membentuk|создан\w*|создани\w*|основан\w*|учрежд\w*|образован\w*|"
    r"menjadi csto",
    "join": r"joined|join|acceded|accession|bergabung|aksesi|присоедини\w*|вступил\w*",
    "leave": r"left|leave|leaving|leaves|withdr\w*|quit|exit\w*|keluar|berhenti|meninggalkan|"
    r"penarikan|menarik diri|вышл\w*|вышел|выход\w*|выйти|покину\w*|outside the framework|"
    r"not to extend|decided not to|tidak memperpanjang",
    "return": r"return\w*|came back|come back|rejoin\w*|kembali|вернул\w*|возвра\w*|восстанов\w*",
    "suspend": r"suspen\w*|menangguhkan|penangguhan|ditangguhkan|приостан\w*",
    "freeze": r"froze|frozen|freez\w*|membekukan|pembekuan|dibekukan|заморо\w*",
    "renew": r"renew\w*|extend\w*|extension|prolong\w*|memperbarui|memperpanjang|perpanjang\w*|"
    r"продл\w*|пролонг\w*",
    "observer": r"observers?|pengamat|наблюдател\w*",
    "former": r"former|mantan|бывш\w*",
    "headquarters": r"headquarters?|kantor pusat|markas(?: besar)?|штаб-квартир\w*|seat",
    "future": r"will|would|shall|akan|станет|будет|намерен\w*|intend\w*|plans? to|берет на себя",
    "intent": r"decided to|decide to|memutuskan untuk|intends? to|intention|намерен\w*|"
    r"заявил\w* о|announc\w*|umumkan|mengumumkan|mengatakan|said|says|заявил\w*",
    "negation": r"not|never|no|tidak|tak|bukan|belum|не|ни|declined|refus\w*|menolak|отказ\w*",
    "present": r"now|currently|today|henceforth|at present|saat ini|sekarang|kini|"
    r"в настоящ\w* (?:момент|время)|сейчас|ныне|на сегодня",
    "exercise": r"exercises?|drills?|war games?|manoeuvres|maneuvers|latihan|учени\w*",
    "troops": r"troops|servicemen|soldiers|personnel|military personnel|people|men|tentara|"
    r"prajurit|personel|pasukan|военнослужащ\w*|солдат\w*|человек|бойцов|"
    r"военных|peacekeepers?|penjaga perdamaian|миротвор\w*",
    "aircraft": r"aircraft|airplanes|planes|jets|helicopters|pesawat(?: tempur)?|helikopter|"
    r"самолет\w*|вертолет\w*|авиаци\w*",
    "state_noun": r"states?|countries|country|nations?|members?|negara|anggota|государств\w*|"
    r"стран\w*|членов|участник\w*|republics?|signator\w*|penandatangan",
    "case_request": r"request\w*|asked|appeal\w*|permintaan|meminta|memohon|просьб\w*|"
    r"обращени\w*|запрос\w*|попросил\w*",
    "deploy": r"sent|send|deploy\w*|dispatch\w*|mengirim\w*|dikirim|pengiriman|направ\w*|"
    r"ввод\w*|отправ\w*",
    "peacekeeping": r"peacekeep\w*|penjaga perdamaian|pasukan perdamaian|миротвор\w*|"
    r"contingent\w*|kontingen|контингент\w*|subdivisions|units",
    "mission": r"mission|misi|мисси\w*",
    "limited": r"limited (?:time|period)|jangka waktu terbatas|waktu terbatas|ограниченн\w* "
    r"(?:по времени )?(?:период|срок)",
    "original": r"original\w*|initially|first|awal|pendiri|founding|founders?|первоначально|"
    r"основател\w*|учредител\w*",
    "temporal": r"in|on|since|from|until|by|pada|sejak|tanggal|tahun|hingga|sampai|в|с|со|до|"
    r"к|от|antara|between",
}


@cache
def word(name: str) -> re.Pattern[str]:
    """The words of ``name`` as a pattern that matches whole words only."""
    return re.compile(rf"(?<!\w)(?:{WORDS[name]})(?!\w)")


def has(name: str, folded: str) -> bool:
    return word(name).search(folded) is not None


RULES: tuple[tuple[str, str], ...] = (
    # (rule, pattern over the folded sentence); the first that matches a stretch wins.
    (
        "art4-quoted-1992",
        r"(?:article|pasal|стать\w*)\s*4\b.{0,80}?(?:reads|berbunyi|гласит|states|says|menyatakan)\W.{0,400}?"
        r"(?:state or (?:a )?group of states|negara lain ataupun kelompok negara|negara atau kelompok negara|"
        r"государств\w* или группы государств)",
    ),
    (
        "art4-threat",
        r"(?:military|militer|военн\w*)\s+(?:assistance|aid|bantuan|помощ\w*).{0,80}?"
        r"(?:in the event of|in case of|jika|dalam hal|в случае)\s+(?:a\s+)?(?:military\s+|militer\s+)?"
        r"(?:threat|ancaman|угроз\w*)",
    ),
    (
        "art4-collective-defence",
        r"(?:aggression|attack|agresi|serangan|агресси\w*|нападени\w*)\s+(?:against|on|terhadap|"
        r"ke|kepada|против|на)\s+(?:any\s+)?(?:one|salah satu|suatu|satu|одн\w*|любо\w*)"
        r".{0,120}?(?:all|semua|seluruh|всех|всем)",
    ),
    (
        "art4-collective-defence",
        r"(?:mendapat|menjadi subjek|subject of|victim of)\s+agresi.{0,80}?(?:urusan|semua|seluruh)",
    ),
    (
        "art4-collective-defence",
        r"(?:agresi|aggression|attack|serangan|агресси\w*).{0,60}?(?:dipandang|dianggap|"
        r"considered|regarded|perceived|treated|рассматрива\w*).{0,40}?(?:agresi|aggression|"
        r"attack|serangan|агресси\w*).{0,30}?(?:all|semua|seluruh|всех)",
    ),
    (
        "art4-assistance",
        r"(?:assistance|bantuan|помощ\w*)\s+(?:yang\s+)?(?:necessary|diperlukan|needed|необходим\w*)"
        r".{0,60}?(?:military|militer|военн\w*)",
    ),
    ("art4-invoked", r"(?:article|pasal|стать\w*)\s+(?:4|empat|four|четвертой|4-й)\b"),
    (
        "art1-no-force",
        r"(?:refrain|abstain|menjauhkan diri|tidak menggunakan|tidak akan menggunakan|воздерж\w*|"
        r"не применять|отказ\w* от)\b.{0,60}?(?:force|kekerasan|сил\w*)",
    ),
    (
        "art1-no-alliances",
        r"(?:not|prohibited from|banned from|tidak (?:boleh|akan|dapat)(?: dapat)?|не)\s+"
        r"(?:to\s+)?(?:join\w*|bergabung|вступать|вступят|вступал\w*|участвовать)"
        r".{0,60}?(?:alliances?|aliansi|союз\w*|группировк\w*|blocs?|blok)",
    ),
    (
        "bases-consent",
        r"(?:bases?|pangkalan|баз\w*|military infrastructure|infrastruktur militer|"
        r"военн\w* инфраструктур\w*).{0,160}?(?:consent|approval|persetujuan|согласи\w*|veto|"
        r"одобрени\w*)",
    ),
    (
        "bases-consent",
        r"(?:veto|consent|approval|persetujuan|согласи\w*).{0,100}?(?:bases?|pangkalan|баз\w*)",
    ),
    (
        "rotating-chair",
        r"(?:rotating|rotation|bergilir|bergantian|ротаци\w*|ротационн\w*|poочередн\w*|"
        r"по очереди)",
    ),
    (
        "yearly-exercises",
        r"(?:every year|each year|annual\w*|setiap tahun|tiap tahun|ежегодно|каждый год)"
        r".{0,60}?(?:exercise|drill|latihan|учени\w*)|(?:exercise|drill|latihan|учени\w*)"
        r".{0,40}?(?:every year|each year|setiap tahun|ежегодно)",
    ),
    (
        "consensus",
        r"(?:by|secara|atas dasar|на основе|консенсусом)\s+(?:consensus|konsensus|консенсуса?)|"
        r"(?:consensus|konsensus|консенсус\w*)\s+(?:rule|principle|prinsip|принцип\w*)",
    ),
    (
        "unilateral-withdrawal",
        r"(?:unilateral|sepihak|односторонн\w*)\s+(?:withdrawal|exit|keluar|"
        r"penarikan|выход\w*)",
    ),
    (
        "suspension-by-council",
        r"suspension of (?:the )?membership.{0,80}?(?:decision|council)|"
        r"penangguhan keanggotaan.{0,80}?(?:keputusan|dewan)|"
        r"приостановлени\w* членства.{0,80}?(?:решени\w*|совет\w*)",
    ),
    (
        "art2-consultations",
        r"(?:consult\w*|konsultasi|berkonsultasi|консульт\w*)\b.{0,120}?"
        r"(?:security|keamanan|безопасност\w*|positions|posisi|позици\w*)",
    ),
    (
        "responsibility-zone",
        r"(?:zone|area|wilayah|зон\w*)\s+(?:of\s+)?(?:responsibility|tanggung jawab|"
        r"ответственност\w*)",
    ),
)


@cache
def rule_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(pattern, re.S)) for name, pattern in RULES)
