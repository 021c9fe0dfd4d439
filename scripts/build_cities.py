#!/usr/bin/env python
"""Build fixtures/cities.json: the capital of every country and the cities meetings are held in.

Run it from anywhere (``.venv/bin/python scripts/build_cities.py``); it overwrites the
fixture. The table below is curated by hand, one city a line:

    CODE | slug | English | French | Arabic | aliases, separated by ";" | * for the capital

Names are those the press uses (Arabic as Arabic outlets write it); aliases are other
spellings and the city's name in its own language when the press uses it. A capital
whose name is also its country's in Arabic is given its qualified name (الجزائر العاصمة,
مدينة الكويت): the extractor reads a dateline naming a country as its capital.

The script stops with a non-zero status when a check fails: a code that is not in
fixtures/countries.json, a country with two capitals, a country without one that is not
in NO_CAPITAL, a slug used twice, a name missing, or a name (compared normalised, as the
extractor reads it) given to two cities.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "fixtures" / "cities.json"
COUNTRIES = ROOT / "fixtures" / "countries.json"

sys.path.insert(0, str(ROOT))
from meetings.text import normalize  # noqa: E402  (the app's own normalisation)

# Countries and territories without a capital in the table, and why.
NO_CAPITAL = {
    "AQ": "no permanent population",
    "BV": "no permanent population",
    "GS": "no permanent population",
    "HM": "no permanent population",
    "TF": "no permanent population",
    "UM": "no permanent population",
    "IO": "a military base, no town",
    "CC": "a few hundred people, no town the press names",
    "CX": "a few hundred people, no town the press names",
    "NF": "a few hundred people, no town the press names",
    "PN": "a few hundred people, no town the press names",
    "TK": "no capital: each atoll has its own seat",
    "EH": "status disputed; its cities are listed under the country that administers them",
    "IL": "the status of its capital is disputed; Tel Aviv is listed, not as the capital",
    "PS": "status disputed; Ramallah, seat of the Palestinian Authority, is listed",
    # Capitals whose names are first of all other things: reading them would mistake a
    # person ("Douglas", "Stanley", "Hamilton"), another city or the Strait for them.
    "AI": "The Valley: a common phrase",
    "BM": "Hamilton: a common surname and other cities",
    "FK": "Stanley: a common first name",
    "GI": "Gibraltar: in the news, mostly the Strait",
    "IM": "Douglas: a common first name",
    "KY": "George Town: also Penang's, and a given name",
    "MS": "Plymouth is abandoned and shares its name with an English city",
    "PM": "Saint-Pierre: a name many places share",
    "RE": "Saint-Denis: also a town near Paris, far more often in the news",
    "SH": "Jamestown: a name many places share",
}

# fmt: off
CITIES = """
# The cities of the first fixture (Morocco, its neighbours and partners)
MA | rabat | Rabat | Rabat | الرباط |  | *
MA | casablanca | Casablanca | Casablanca | الدار البيضاء | البيضاء; كازابلانكا; casa
MA | tangier | Tangier | Tanger | طنجة | tangiers; tanja
MA | marrakech | Marrakech | Marrakech | مراكش | marrakesh; marrakch
MA | fes | Fez | Fès | فاس
MA | agadir | Agadir | Agadir | أكادير | اغادير
MA | oujda | Oujda | Oujda | وجدة
MA | tetouan | Tetouan | Tétouan | تطوان | tetuan
MA | meknes | Meknes | Meknès | مكناس
MA | laayoune | Laayoune | Laâyoune | العيون | layoune; el aaiun; el ayoun
MA | dakhla | Dakhla | Dakhla | الداخلة | ad-dakhla; villa cisneros
MA | nador | Nador | Nador | الناظور | الناضور
MA | ifrane | Ifrane | Ifrane | إفران
MA | essaouira | Essaouira | Essaouira | الصويرة | mogador
MA | el-jadida | El Jadida | El Jadida | الجديدة | el-jadida; eljadida; mazagan
MA | kenitra | Kenitra | Kénitra | القنيطرة
MA | skhirat | Skhirat | Skhirat | الصخيرات | skhirate
MA | bouznika | Bouznika | Bouznika | بوزنيقة
DZ | algiers | Algiers | Alger | الجزائر العاصمة |  | *
DZ | oran | Oran | Oran | وهران
TN | tunis | Tunis | Tunis | تونس العاصمة |  | *
TN | sfax | Sfax | Sfax | صفاقس
LY | tripoli | Tripoli | Tripoli | طرابلس | طرابلس الغرب | *
EG | cairo | Cairo | Le Caire | القاهرة | Caire | *
EG | alexandria | Alexandria | Alexandrie | الإسكندرية
EG | sharm-el-sheikh | Sharm El Sheikh | Charm el-Cheikh | شرم الشيخ | sharm el-sheikh; charm el cheikh; charm el-sheikh
MR | nouakchott | Nouakchott | Nouakchott | نواكشوط | انواكشوط | *
SD | khartoum | Khartoum | Khartoum | الخرطوم |  | *
SA | riyadh | Riyadh | Riyad | الرياض | riad | *
SA | jeddah | Jeddah | Djeddah | جدة | jedda; jiddah
AE | abu-dhabi | Abu Dhabi | Abou Dabi | أبوظبي | ابو ظبي; abou dhabi | *
AE | dubai | Dubai | Dubaï | دبي
QA | doha | Doha | Doha | الدوحة |  | *
KW | kuwait-city | Kuwait City | Koweït | مدينة الكويت | koweit city | *
BH | manama | Manama | Manama | المنامة |  | *
OM | muscat | Muscat | Mascate | مسقط |  | *
YE | sanaa | Sanaa | Sanaa | صنعاء | sana'a | *
JO | amman | Amman | Amman | عمّان |  | *
IQ | baghdad | Baghdad | Bagdad | بغداد |  | *
SY | damascus | Damascus | Damas | دمشق |  | *
LB | beirut | Beirut | Beyrouth | بيروت |  | *
PS | ramallah | Ramallah | Ramallah | رام الله
SO | mogadishu | Mogadishu | Mogadiscio | مقديشو | مقديشيو | *
DJ | djibouti | Djibouti | Djibouti | جيبوتي |  | *
KM | moroni | Moroni | Moroni | موروني |  | *
AT | vienna | Vienna | Vienne | فيينا | wien | *
BE | brussels | Brussels | Bruxelles | بروكسيل | بروكسل; brussel | *
BE | antwerp | Antwerp | Anvers | أنتويرب | antwerpen
BE | liege | Liège | Liège | لييج | luik
BE | ghent | Ghent | Gand | غنت | غينت; gent
BG | sofia | Sofia | Sofia | صوفيا |  | *
HR | zagreb | Zagreb | Zagreb | زغرب | زاغرب | *
CY | nicosia | Nicosia | Nicosie | نيقوسيا |  | *
CZ | prague | Prague | Prague | براغ | praha | *
DK | copenhagen | Copenhagen | Copenhague | كوبنهاغن | كوبنهاجن | *
EE | tallinn | Tallinn | Tallinn | تالين |  | *
FI | helsinki | Helsinki | Helsinki | هلسنكي | هلسينكي | *
FR | paris | Paris | Paris | باريس |  | *
FR | marseille | Marseille | Marseille | مرسيليا | مارسيليا; marseilles
FR | lyon | Lyon | Lyon | ليون | lyons
FR | strasbourg | Strasbourg | Strasbourg | ستراسبورغ | ستراسبورج
FR | nice | Nice | Nice | نيس
FR | bordeaux | Bordeaux | Bordeaux | بوردو
FR | toulouse | Toulouse | Toulouse | تولوز
DE | berlin | Berlin | Berlin | برلين |  | *
DE | munich | Munich | Munich | ميونيخ | ميونخ; munchen
DE | hamburg | Hamburg | Hambourg | هامبورغ | هامبورج
DE | frankfurt | Frankfurt | Francfort | فرانكفورت | frankfurt am main
GR | athens | Athens | Athènes | أثينا |  | *
HU | budapest | Budapest | Budapest | بودابست |  | *
IE | dublin | Dublin | Dublin | دبلن |  | *
IT | rome | Rome | Rome | روما | roma | *
IT | milan | Milan | Milan | ميلانو | milano
IT | naples | Naples | Naples | نابولي | napoli
IT | turin | Turin | Turin | تورينو | torino
IT | palermo | Palermo | Palerme | باليرمو
IT | florence | Florence | Florence | فلورنسا | firenze
IT | venice | Venice | Venise | البندقية | فينيسيا; venezia
LV | riga | Riga | Riga | ريغا | ريجا | *
LT | vilnius | Vilnius | Vilnius | فيلنيوس |  | *
LU | luxembourg | Luxembourg | Luxembourg | لوكسمبورغ | لوكسمبورج; luxemburg | *
MT | valletta | Valletta | La Valette | فاليتا | لافاليت; valette | *
NL | amsterdam | Amsterdam | Amsterdam | أمستردام |  | *
NL | the-hague | The Hague | La Haye | لاهاي | den haag; 's-gravenhage; Haye
NL | rotterdam | Rotterdam | Rotterdam | روتردام
PL | warsaw | Warsaw | Varsovie | وارسو | warszawa | *
PL | krakow | Kraków | Cracovie | كراكوف | cracow
PT | lisbon | Lisbon | Lisbonne | لشبونة | lisboa | *
PT | porto | Porto | Porto | بورتو | oporto
RO | bucharest | Bucharest | Bucarest | بوخارست | bucuresti | *
SK | bratislava | Bratislava | Bratislava | براتيسلافا |  | *
SI | ljubljana | Ljubljana | Ljubljana | ليوبليانا | لوبليانا | *
ES | madrid | Madrid | Madrid | مدريد |  | *
ES | barcelona | Barcelona | Barcelone | برشلونة
ES | seville | Seville | Séville | إشبيلية | سيفيا; sevilla
ES | malaga | Málaga | Malaga | مالقة | ملقة; مالاغا
ES | valencia | Valencia | Valence | فالنسيا | بلنسية
ES | algeciras | Algeciras | Algésiras | الجزيرة الخضراء | الخزيرات
ES | ceuta | Ceuta | Ceuta | سبتة | sebta
ES | melilla | Melilla | Melilla | مليلية | مليلة
SE | stockholm | Stockholm | Stockholm | ستوكهولم |  | *
GB | london | London | Londres | لندن |  | *
NO | oslo | Oslo | Oslo | أوسلو |  | *
CH | bern | Bern | Berne | برن | بيرن | *
CH | geneva | Geneva | Genève | جنيف | genf
CH | zurich | Zurich | Zurich | زيوريخ | زيورخ
CH | davos | Davos | Davos | دافوس
IS | reykjavik | Reykjavik | Reykjavik | ريكيافيك |  | *
RU | moscow | Moscow | Moscou | موسكو |  | *
UA | kyiv | Kyiv | Kiev | كييف |  | *
TR | ankara | Ankara | Ankara | أنقرة |  | *
TR | istanbul | Istanbul | Istanbul | إسطنبول | استانبول
US | washington | Washington | Washington | واشنطن | washington dc; washington d.c. | *
US | new-york | New York | New York | نيويورك
CA | ottawa | Ottawa | Ottawa | أوتاوا |  | *
MX | mexico-city | Mexico City | Mexico | مكسيكو سيتي | مدينة مكسيكو; ciudad de mexico | *
BR | brasilia | Brasília | Brasilia | برازيليا |  | *
AR | buenos-aires | Buenos Aires | Buenos Aires | بوينس آيرس | بوينوس ايرس; بيونس ايرس | *
CN | beijing | Beijing | Pékin | بكين | peking | *
JP | tokyo | Tokyo | Tokyo | طوكيو |  | *
KR | seoul | Seoul | Séoul | سيول |  | *
IN | new-delhi | New Delhi | New Delhi | نيودلهي | نيو دلهي; new-delhi | *
AU | canberra | Canberra | Canberra | كانبيرا | كانبرا | *
IR | tehran | Tehran | Téhéran | طهران |  | *
IL | tel-aviv | Tel Aviv | Tel Aviv | تل أبيب | tel-aviv
AZ | baku | Baku | Bakou | باكو |  | *
KZ | astana | Astana | Astana | أستانا | نور سلطان; nur-sultan; nour-soultan | *
ID | jakarta | Jakarta | Jakarta | جاكرتا | djakarta | *
PK | islamabad | Islamabad | Islamabad | إسلام آباد | اسلاماباد | *
MY | kuala-lumpur | Kuala Lumpur | Kuala Lumpur | كوالالمبور | كوالا لمبور | *
SN | dakar | Dakar | Dakar | دكار | داكار | *
ML | bamako | Bamako | Bamako | باماكو |  | *
NE | niamey | Niamey | Niamey | نيامي |  | *
NG | abuja | Abuja | Abuja | أبوجا |  | *
NG | lagos | Lagos | Lagos | لاغوس | لاجوس
CI | yamoussoukro | Yamoussoukro | Yamoussoukro | ياموسوكرو |  | *
CI | abidjan | Abidjan | Abidjan | أبيدجان | ابيجان
GA | libreville | Libreville | Libreville | ليبرفيل |  | *
CM | yaounde | Yaoundé | Yaoundé | ياوندي |  | *
BF | ouagadougou | Ouagadougou | Ouagadougou | واغادوغو | واجادوجو; ouaga | *
TD | ndjamena | N'Djamena | N'Djaména | نجامينا | انجامينا; ndjamena | *
GH | accra | Accra | Accra | أكرا |  | *
KE | nairobi | Nairobi | Nairobi | نيروبي |  | *
ET | addis-ababa | Addis Ababa | Addis-Abeba | أديس أبابا | addis abeba; addis-ababa | *
ZA | pretoria | Pretoria | Pretoria | بريتوريا | tshwane | *
RW | kigali | Kigali | Kigali | كيغالي | كيجالي | *
CD | kinshasa | Kinshasa | Kinshasa | كينشاسا |  | *
CG | brazzaville | Brazzaville | Brazzaville | برازافيل |  | *
GN | conakry | Conakry | Conakry | كوناكري |  | *
GM | banjul | Banjul | Banjul | بانجول |  | *
# Every other capital, and cities where ministers often meet
# Africa
AO | luanda | Luanda | Luanda | لواندا |  | *
BI | gitega | Gitega | Gitega | جيتيغا | غيتيغا | *
BI | bujumbura | Bujumbura | Bujumbura | بوجمبورا | بوجومبورا
BJ | porto-novo | Porto-Novo | Porto-Novo | بورتو نوفو | Porto Novo; بورتونوفو | *
BJ | cotonou | Cotonou | Cotonou | كوتونو |
BW | gaborone | Gaborone | Gaborone | غابورون | غابوروني | *
CF | bangui | Bangui | Bangui | بانغي | بانجي | *
CM | douala | Douala | Douala | دوالا |
CV | praia | Praia | Praia | برايا |  | *
DZ | constantine | Constantine | Constantine | قسنطينة |
EG | new-administrative-capital | New Administrative Capital | Nouvelle capitale administrative | العاصمة الإدارية الجديدة | New Capital
EG | el-alamein | El Alamein | El-Alamein | العلمين | New Alamein; العلمين الجديدة; Alamein
ER | asmara | Asmara | Asmara | أسمرة | أسمرا | *
GQ | malabo | Malabo | Malabo | مالابو |  | *
GW | bissau | Bissau | Bissau | بيساو |  | *
LR | monrovia | Monrovia | Monrovia | مونروفيا |  | *
LS | maseru | Maseru | Maseru | ماسيرو |  | *
LY | benghazi | Benghazi | Benghazi | بنغازي | Bengazi
MG | antananarivo | Antananarivo | Antananarivo | أنتاناناريفو | Tananarive | *
MR | nouadhibou | Nouadhibou | Nouadhibou | نواذيبو | انواذيبو
MU | port-louis | Port Louis | Port-Louis | بور لويس | بورت لويس | *
MW | lilongwe | Lilongwe | Lilongwe | ليلونغوي |  | *
MZ | maputo | Maputo | Maputo | مابوتو |  | *
NA | windhoek | Windhoek | Windhoek | ويندهوك |  | *
SC | victoria | Victoria | Victoria | فيكتوريا |  | *
SD | port-sudan | Port Sudan | Port-Soudan | بورتسودان | بورت سودان; Port-Sudan; Port Soudan
SL | freetown | Freetown | Freetown | فريتاون |  | *
SS | juba | Juba | Djouba | جوبا | Juba | *
ST | sao-tome | São Tomé | São Tomé | ساو تومي |  | *
SZ | mbabane | Mbabane | Mbabane | مباباني |  | *
TG | lome | Lomé | Lomé | لومي |  | *
TN | djerba | Djerba | Djerba | جربة | Jerba
TZ | dodoma | Dodoma | Dodoma | دودوما |  | *
TZ | dar-es-salaam | Dar es Salaam | Dar es Salaam | دار السلام | Dar-es-Salaam
UG | kampala | Kampala | Kampala | كمبالا |  | *
YT | mamoudzou | Mamoudzou | Mamoudzou | مامودزو |  | *
ZA | cape-town | Cape Town | Le Cap | كيب تاون | كيبتاون
ZM | lusaka | Lusaka | Lusaka | لوساكا |  | *
ZW | harare | Harare | Harare | هراري |  | *
# Europe
AD | andorra-la-vella | Andorra la Vella | Andorre-la-Vieille | أندورا لا فيلا |  | *
AL | tirana | Tirana | Tirana | تيرانا |  | *
AM | yerevan | Yerevan | Erevan | يريفان | Erevan | *
AT | salzburg | Salzburg | Salzbourg | سالزبورغ | سالزبورج
AX | mariehamn | Mariehamn | Mariehamn | ماريهامن |  | *
BA | sarajevo | Sarajevo | Sarajevo | سراييفو |  | *
BY | minsk | Minsk | Minsk | مينسك |  | *
FO | torshavn | Tórshavn | Tórshavn | تورسهافن |  | *
GB | edinburgh | Edinburgh | Édimbourg | إدنبرة | إدنبره
GE | tbilisi | Tbilisi | Tbilissi | تبليسي |  | *
GG | saint-peter-port | Saint Peter Port | Saint-Pierre-Port | سانت بيتر بورت | St Peter Port; St. Peter Port | *
GR | thessaloniki | Thessaloniki | Thessalonique | سالونيك | ثيسالونيكي
HR | dubrovnik | Dubrovnik | Dubrovnik | دوبروفنيك |
JE | saint-helier | Saint Helier | Saint-Hélier | سانت هيلير | St Helier; St. Helier | *
LI | vaduz | Vaduz | Vaduz | فادوز |  | *
MC | monaco | Monaco | Monaco | موناكو |  | *
MD | chisinau | Chișinău | Chisinau | كيشيناو | Kishinev | *
ME | podgorica | Podgorica | Podgorica | بودغوريتسا | بودغوريتشا | *
MK | skopje | Skopje | Skopje | سكوبيه | سكوبيي | *
RS | belgrade | Belgrade | Belgrade | بلغراد | Beograd | *
RU | saint-petersburg | Saint Petersburg | Saint-Pétersbourg | سانت بطرسبرغ | St Petersburg; St. Petersburg; سان بطرسبرغ; سانت بطرسبورغ
RU | sochi | Sochi | Sotchi | سوتشي |
RU | kazan | Kazan | Kazan | قازان |
SJ | longyearbyen | Longyearbyen | Longyearbyen | لونغياربين |  | *
SM | san-marino | San Marino | Saint-Marin | سان مارينو | City of San Marino; Ville de Saint-Marin | *
TR | antalya | Antalya | Antalya | أنطاليا |
VA | vatican-city | Vatican City | Cité du Vatican | مدينة الفاتيكان |  | *
# Asia
AF | kabul | Kabul | Kaboul | كابول |  | *
BD | dhaka | Dhaka | Dacca | دكا |  | *
BN | bandar-seri-begawan | Bandar Seri Begawan | Bandar Seri Begawan | بندر سري بكاوان | بندر سري بيغاوان | *
BT | thimphu | Thimphu | Thimphou | تيمفو |  | *
CN | shanghai | Shanghai | Shanghai | شنغهاي | شانغهاي
HK | hong-kong | Hong Kong | Hong Kong | هونغ كونغ | هونج كونج | *
IN | mumbai | Mumbai | Bombay | مومباي | Bombay; بومباي
IQ | erbil | Erbil | Erbil | أربيل | Arbil; إربيل
IQ | basra | Basra | Bassora | البصرة | Basrah
JP | osaka | Osaka | Osaka | أوساكا |
KG | bishkek | Bishkek | Bichkek | بيشكيك |  | *
KH | phnom-penh | Phnom Penh | Phnom Penh | بنوم بنه | بنوم بين | *
KP | pyongyang | Pyongyang | Pyongyang | بيونغ يانغ | بيونغيانغ | *
KZ | almaty | Almaty | Almaty | ألماتي | Alma-Ata; ألما آتا
LA | vientiane | Vientiane | Vientiane | فيينتيان | فينتيان | *
LK | sri-jayawardenepura-kotte | Sri Jayawardenepura Kotte | Sri Jayawardenepura Kotte | سري جاياواردنابورا كوتي | Kotte | *
LK | colombo | Colombo | Colombo | كولومبو |
MM | naypyidaw | Naypyidaw | Naypyidaw | نايبيداو | Nay Pyi Taw; Naypyitaw; نايبيتاو | *
MM | yangon | Yangon | Rangoun | يانغون | Rangoon; رانغون
MN | ulaanbaatar | Ulaanbaatar | Oulan-Bator | أولان باتور | Ulan Bator; أولانباتار | *
MO | macau | Macau | Macao | ماكاو | Macao | *
MV | male | Malé | Malé | ماليه |  | *
MY | putrajaya | Putrajaya | Putrajaya | بوتراجايا |
NP | kathmandu | Kathmandu | Katmandou | كاتماندو |  | *
PH | manila | Manila | Manille | مانيلا |  | *
PK | karachi | Karachi | Karachi | كراتشي |
PK | lahore | Lahore | Lahore | لاهور |
SG | singapore | Singapore | Singapour | سنغافورة |  | *
TH | bangkok | Bangkok | Bangkok | بانكوك |  | *
TJ | dushanbe | Dushanbe | Douchanbé | دوشنبه | Douchanbe | *
TL | dili | Dili | Dili | مدينة ديلي |  | *
TM | ashgabat | Ashgabat | Achgabat | عشق آباد | Ashkhabad; عشق أباد | *
TW | taipei | Taipei | Taipei | تايبيه | تايبي | *
UZ | tashkent | Tashkent | Tachkent | طشقند |  | *
UZ | samarkand | Samarkand | Samarcande | سمرقند |
VN | hanoi | Hanoi | Hanoï | هانوي |  | *
YE | aden | Aden | Aden | عدن |
# Americas
AG | saint-johns | St. John's | Saint John's | سانت جونز | Saint John's; St John's | *
AW | oranjestad | Oranjestad | Oranjestad | أورانيستاد |  | *
BB | bridgetown | Bridgetown | Bridgetown | بريدجتاون |  | *
BL | gustavia | Gustavia | Gustavia | غوستافيا |  | *
BO | la-paz | La Paz | La Paz | لاباز | لا باز | *
BQ | kralendijk | Kralendijk | Kralendijk | كرالنديك |  | *
BR | rio-de-janeiro | Rio de Janeiro | Rio de Janeiro | ريو دي جانيرو |
BR | sao-paulo | São Paulo | São Paulo | ساو باولو |
BS | nassau | Nassau | Nassau | ناساو |  | *
BZ | belmopan | Belmopan | Belmopan | بلموبان |  | *
CA | montreal | Montreal | Montréal | مونتريال |
CA | toronto | Toronto | Toronto | تورونتو | تورنتو
CL | santiago | Santiago | Santiago | سانتياغو | Santiago de Chile; Santiago du Chili; سانتياغو دي تشيلي | *
CO | bogota | Bogotá | Bogota | بوغوتا |  | *
CR | san-jose | San José | San José | سان خوسيه |  | *
CU | havana | Havana | La Havane | هافانا | La Habana | *
CW | willemstad | Willemstad | Willemstad | ويلمستاد |  | *
DM | roseau | Roseau | Roseau | روزو |  | *
DO | santo-domingo | Santo Domingo | Saint-Domingue | سانتو دومينغو |  | *
EC | quito | Quito | Quito | كيتو |  | *
GD | saint-georges | St. George's | Saint-Georges | سانت جورجز | Saint George's; St George's | *
GF | cayenne | Cayenne | Cayenne | كايين |  | *
GL | nuuk | Nuuk | Nuuk | نوك |  | *
GP | basse-terre | Basse-Terre | Basse-Terre | باس تير |  | *
GT | guatemala-city | Guatemala City | ville de Guatemala | مدينة غواتيمالا | Ciudad de Guatemala | *
GU | hagatna | Hagåtña | Hagåtña | هاغاتنا |  | *
GY | georgetown | Georgetown | Georgetown | جورجتاون |  | *
HN | tegucigalpa | Tegucigalpa | Tegucigalpa | تيغوسيغالبا |  | *
HT | port-au-prince | Port-au-Prince | Port-au-Prince | بورت أو برانس |  | *
JM | kingston | Kingston | Kingston | كينغستون |  | *
KN | basseterre | Basseterre | Basseterre | باستير |  | *
LC | castries | Castries | Castries | كاستريس |  | *
MF | marigot | Marigot | Marigot | ماريغو |  | *
MQ | fort-de-france | Fort-de-France | Fort-de-France | فور دو فرانس |  | *
NI | managua | Managua | Managua | ماناغوا |  | *
PA | panama-city | Panama City | ville de Panama | مدينة بنما | Ciudad de Panamá | *
PE | lima | Lima | Lima | ليما |  | *
PR | san-juan | San Juan | San Juan | سان خوان |  | *
PY | asuncion | Asunción | Asuncion | أسونسيون |  | *
SR | paramaribo | Paramaribo | Paramaribo | باراماريبو |  | *
SV | san-salvador | San Salvador | San Salvador | سان سلفادور |  | *
SX | philipsburg | Philipsburg | Philipsburg | فيليبسبورغ |  | *
TC | cockburn-town | Cockburn Town | Cockburn Town | كوكبيرن تاون |  | *
TT | port-of-spain | Port of Spain | Port-d'Espagne | بورت أوف سبين | Port-of-Spain | *
UY | montevideo | Montevideo | Montevideo | مونتيفيديو |  | *
VC | kingstown | Kingstown | Kingstown | كينغزتاون |  | *
VE | caracas | Caracas | Caracas | كاراكاس |  | *
VG | road-town | Road Town | Road Town | رود تاون |  | *
VI | charlotte-amalie | Charlotte Amalie | Charlotte-Amalie | شارلوت أمالي |  | *
# Oceania
AS | pago-pago | Pago Pago | Pago Pago | باغو باغو |  | *
AU | sydney | Sydney | Sydney | سيدني |
CK | avarua | Avarua | Avarua | أفاروا |  | *
FJ | suva | Suva | Suva | سوفا |  | *
FM | palikir | Palikir | Palikir | باليكير |  | *
KI | south-tarawa | South Tarawa | Tarawa-Sud | تاراوا الجنوبية | Tarawa | *
MH | majuro | Majuro | Majuro | ماجورو |  | *
MP | saipan | Saipan | Saipan | سايبان |  | *
NC | noumea | Nouméa | Nouméa | نوميا |  | *
NR | yaren | Yaren | Yaren | يارين |  | *
NU | alofi | Alofi | Alofi | ألوفي |  | *
NZ | wellington | Wellington | Wellington | ويلينغتون |  | *
PF | papeete | Papeete | Papeete | بابيتي |  | *
PG | port-moresby | Port Moresby | Port Moresby | بورت مورسبي |  | *
PW | ngerulmud | Ngerulmud | Ngerulmud | نجيرولمود |  | *
SB | honiara | Honiara | Honiara | هونيارا |  | *
TO | nukualofa | Nuku'alofa | Nuku'alofa | نوكوالوفا | Nukualofa | *
TV | funafuti | Funafuti | Funafuti | فونافوتي |  | *
VU | port-vila | Port Vila | Port-Vila | بورت فيلا |  | *
WF | mata-utu | Mata-Utu | Mata-Utu | ماتا أوتو |  | *
WS | apia | Apia | Apia | آبيا |  | *
"""
# fmt: on

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def require(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"build_cities.py: {message}")


def rows() -> list[list[str]]:
    table = []
    for line in CITIES.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("|")]
        table.append(cells + [""] * (7 - len(cells)))
    return table


def build() -> list[dict]:
    cities = []
    for code, slug, english, french, arabic, aliases, capital in rows():
        cities.append(
            {
                "model": "meetings.city",
                "fields": {
                    "slug": slug,
                    "country": [code],
                    "name_ar": arabic,
                    "name_fr": french,
                    "name_en": english,
                    "aliases": [alias.strip() for alias in aliases.split(";") if alias.strip()],
                    "is_capital": capital == "*",
                },
            }
        )
    return cities


def check(cities: list[dict]) -> None:
    codes = {country["pk"] for country in json.loads(COUNTRIES.read_text(encoding="utf-8"))}
    slugs, capitals, owner = set(), {}, {}
    for city in cities:
        fields = city["fields"]
        slug, code = fields["slug"], fields["country"][0]
        require(code in codes, f"{slug}: {code} is not a country of {COUNTRIES.name}")
        require(bool(SLUG.match(slug)), f"{slug!r} is not a slug")
        require(slug not in slugs, f"{slug} appears twice")
        slugs.add(slug)
        for language in ("ar", "fr", "en"):
            require(bool(fields[f"name_{language}"]), f"{slug}: no name in {language}")
        if fields["is_capital"]:
            require(code not in capitals, f"{code} has two capitals: {capitals.get(code)}, {slug}")
            capitals[code] = slug
        names = [fields["name_ar"], fields["name_fr"], fields["name_en"], *fields["aliases"]]
        for name in names:
            require(len(name) <= 100, f"{slug}: {name!r} is longer than 100 characters")
            first = owner.setdefault(normalize(name), slug)
            require(first == slug, f"{name!r} belongs to both {first} and {slug}")
    for code in sorted(codes - set(capitals)):
        require(code in NO_CAPITAL, f"{code} has no capital and is not in NO_CAPITAL")
    for code in NO_CAPITAL:
        require(code not in capitals, f"{code} is in NO_CAPITAL but has a capital")


def main() -> None:
    cities = build()
    check(cities)
    OUTPUT.write_text(json.dumps(cities, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    capitals = sum(city["fields"]["is_capital"] for city in cities)
    print(f"{len(cities)} cities, {capitals} capitals: wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
