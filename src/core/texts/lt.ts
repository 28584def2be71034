// Lithuanian catalog: polite plural "Jūs"; names stay in the nominative, so sentences are built
// around them (e.g. "rūpinasi {ownerName}") rather than declining them; gendered participles avoided.
import type { TextKey } from './en.ts';

export const lt: Record<TextKey, string> = {
  // Klientui
  'customer.ack':
    'Sveiki, {name}. Dėkojame, kad kreipėtės. Jūsų prašymas užregistruotas numeriu #{number}: „{words}“. Eilėje prieš Jūsų prašymą {position, one: yra # prašymas, few: yra # prašymai, many: yra # prašymo, other: yra # prašymų}, o mūsų komanda Jums atsakys iki {firstResponseAt}.',
  'customer.ack_next_in_line':
    'Sveiki, {name}. Dėkojame, kad kreipėtės. Jūsų prašymas užregistruotas numeriu #{number}: „{words}“. Jūsų prašymas eilėje yra kitas, o mūsų komanda Jums atsakys iki {firstResponseAt}.',
  'customer.added_to_open_case':
    'Sveiki, {name}. Jūsų prašymas #{number} dar neužbaigtas, todėl naują žinutę pridėjome prie jo: „{text}“. Ją mato visi, kurie juo rūpinasi; norėdami ką nors pridurti, rašykite čia.',
  'customer.details_received':
    'Ačiū, {name}. Papildomą informaciją pridėjome prie Jūsų prašymo #{number}; ją mato visi, kurie juo rūpinasi.',
  'customer.claimed':
    'Sveiki, {name}. Jūsų prašymu #{number} dabar rūpinasi {ownerName}; atsakymą čia gausite iki {dueAt}.',
  'customer.claimed_no_due':
    'Sveiki, {name}. Jūsų prašymu #{number} dabar rūpinasi {ownerName}; atsakymą gausite čia.',
  'customer.reply': 'Atsakymas dėl Jūsų prašymo #{number} (rašo {fromName}):\n{text}',
  'customer.question':
    'Klausimas dėl Jūsų prašymo #{number} (klausia {fromName}):\n{text}\nNeskubėkite: kol laukiame Jūsų atsakymo, mūsų atsakymo terminas sustabdytas.',
  'customer.expert_assigned':
    'Sveiki, {name}. Jūsų prašymas #{number} susijęs su sritimi „{topicName}“, todėl juo dabar rūpinasi šią sritį išmanantis žmogus – {expertName}. Atsakymą gausite iki {dueAt}.',
  'customer.window_renegotiated':
    'Sveiki, {name}. {expertName} prašo šiek tiek daugiau laiko, kad galėtų išsamiai atsakyti į Jūsų prašymą #{number}. Atsakymą gausite iki {dueAt}. Atsiprašome, kad tenka palaukti.',
  'customer.still_on_it':
    'Sveiki, {name}. Atsiprašome: žadėjome atsakyti į Jūsų prašymą #{number} laiku, bet nespėjome. Prašymą vis dar nagrinėjame, o atsakymą gausite iki {dueAt}.',
  'customer.supervisor_requested':
    'Sveiki, {name}. Paprašėme vadovo peržiūrėti Jūsų prašymą #{number}. Sprendimas dėl tolesnių veiksmų bus priimtas iki {dueAt}, ir apie jį pranešime Jums čia.',
  'customer.supervisor_approved':
    'Sveiki, {name}. Jūsų prašymą #{number} perėmė {supervisorName} iš komandos vadovybės ir perduoda Jums šią žinutę:\n„{apology}“\nKas bus padaryta: {plan}\nNaujienų iš mūsų sulauksite iki {dueAt}.',
  'customer.supervisor_declined':
    'Sveiki, {name}. Vadovybė peržiūrėjo Jūsų prašymą #{number} ir kol kas nusprendė jo neperduoti aukštesniam lygiui. Priežastis: {reason}\nPrašymas lieka atviras, juo toliau rūpinasi komanda. Galite pridėti informacijos, kuri galėtų pakeisti sprendimą, vėliau vėl paprašyti vadovo arba pažymėti prašymą kaip išspręstą, jei pagalbos nebereikia.',
  'customer.incident_linked':
    'Sveiki, {name}, byla Nr. {number} yra žinomo incidento dalis: „{title}“. Mūsų komanda jį sprendžia, ir apie eigą pranešime čia.',
  'customer.incident_update': 'Naujienos apie „{title}“ (jūsų byla Nr. {number}), {postedAt}:\n{text}',
  'customer.resolved':
    'Sveiki, {name}. Manome, kad Jūsų prašymas #{number} išspręstas: {summary}\nJei taip, prašome tai patvirtinti. Jei kas nors vis dar ne taip, galite prašymą atidaryti iš naujo – jis grįš komandai.',
  'customer.reopened':
    'Sveiki, {name}. Jūsų prašymas #{number} vėl atidarytas. Pranešėme komandai, ir ji su Jumis susisieks čia.',
  'customer.reopened_by_message':
    'Sveiki, {name}. Ačiū, kad vėl parašėte. Jūsų prašymas #{number} vėl atidarytas su nauja žinute, o atsakymą gausite iki {dueAt}.',
  'customer.follows_earlier':
    'Sveiki, {name}. Prašymas #{earlierNumber} buvo uždarytas prieš kurį laiką, todėl Jūsų žinutė pradeda naują prašymą. Komanda mato ir ankstesnįjį.',
  'customer.check_in':
    'Sveiki, {name}. Jau kurį laiką negavome iš Jūsų žinių dėl prašymo #{number}. Ar galime dar kuo nors padėti? Tiesiog atsakykite čia. Jei iki {closeAt} negausime Jūsų atsakymo, prašymą uždarysime; bet kada galėsite jį vėl atidaryti.',
  'customer.auto_closed':
    'Sveiki, {name}. Negavome iš Jūsų žinių, todėl prašymą #{number} uždarėme. Jei pagalbos vis dar reikia, atidarykite jį iš naujo arba tiesiog parašykite čia – komanda vėl juo pasirūpins.',
  'customer.closed':
    'Sveiki, {name}. Jūsų prašymas #{number} uždarytas. Dėkojame už kantrybę. Jei turite minutę, įvertinkite mūsų pagalbą nuo 1 (prastai) iki 5 (puikiai).',
  'customer.rating_thanks':
    'Ačiū, {name}. Jūsų įvertinimą ({score} iš 5) užregistravome – jis padeda mums tobulėti.',
  'customer.reassigned':
    'Sveiki, {name}. Jūsų prašymu #{number} dabar rūpinasi {expertName}. Atsakymą gausite iki {dueAt}.',
  'customer.status_header': 'Sveiki, {name}. Štai Jūsų prašymų būsena:',
  'customer.status_line':
    'Prašymas #{number}: {status}. Atsakingas asmuo: {ownerName}. Kito atsakymo terminas: {dueAt}.',
  'customer.status_line_no_due': 'Prašymas #{number}: {status}. Atsakingas asmuo: {ownerName}.',
  'customer.status_none':
    'Sveiki, {name}. Šiuo metu neturite atvirų prašymų. Jei reikia pagalbos, tiesiog parašykite čia.',
  'customer.recovery':
    'Sveiki, {name}, rašo {supervisorName}, vadovas, dėl prašymo #{number}. Apgailestaujame, kad taip nutiko. Be pataisymo, štai ką dar padarysime:\n{text}',

  // Komandai
  'triage.new_case':
    'Naujas prašymas #{number} (pateikė {customerName}; sritis: {topicName}; prioritetas: {priority}): „{words}“\nEilėje prieš jį {position, one: yra # prašymas, few: yra # prašymai, many: yra # prašymo, other: yra # prašymų}. Pirmasis atsakymas – iki {firstResponseAt}.',
  'triage.customer_details': '{customerName} papildė prašymą #{number}:\n{text}',
  'triage.first_response_nudge':
    'Priminimas: prašymas #{number} (pateikė {customerName}) vis dar laukia pirmojo atsakymo, terminas – {dueAt}. Gal kas nors galėtų jį perimti?',
  'triage.first_response_missed':
    'Prašymo #{number} (pateikė {customerName}) pirmojo atsakymo terminas ({dueAt}) praėjo. Žmogus vis dar laukia – prašome perimti prašymą kuo greičiau.',
  'triage.note':
    'Vidinė pastaba prie prašymo #{number} (autorius: {authorName}; kreipęsis žmogus jos nemato):\n{text}',
  'triage.colleague_asked':
    '{askerName} paprašė {colleagueName} pagalbos dėl prašymo #{number} (kreipęsis žmogus to nemato):\n{question}',
  'colleague.asked':
    '{askerName} prašo Jūsų pagalbos dėl prašymo #{number} (pateikė {customerName}; sritis: {topicName}). Pradinė žinutė: „{words}“\n{askerName} klausia: {question}\nTai lieka komandos viduje: kreipęsis žmogus to nemato. Atsakykite {askerName} čia arba perimkite prašymą, jei jis geriau tiks Jums.',
  'owner.colleague_answer':
    '{colleagueName} atsakė į klausimą dėl prašymo #{number} (kreipęsis žmogus to nemato):\n{text}',
  'owner.colleague_took':
    'Prašymą #{number} perėmė {colleagueName}. Ačiū už Jūsų darbą; toliau nieko daryti nereikia, nebent Jūsų paprašys.',
  'triage.outside_recorded':
    'Užfiksuota prie prašymo #{number}: {customerName} kreipėsi už komandos ribų ({channel}). Pastaba: {note}',
  'owner.customer_details': '{customerName} papildė prašymą #{number}, kuriuo rūpinatės:\n{text}',
  'owner.nudge':
    'Priminimas: pažadėjote atsakyti į prašymą #{number} (pateikė {customerName}) iki {dueAt}. Jei reikia daugiau laiko, galite jau dabar suderinti naują terminą.',
  'owner.missed':
    'Prašymo #{number} (pateikė {customerName}) pažadėtas terminas ({dueAt}) praėjo; šiame prašyme jau {misses, one: praleistas # terminas, few: praleisti # terminai, many: praleista # termino, other: praleista # terminų}. Prašome kuo greičiau atsakyti arba perduoti prašymą kitam, jei negalite jo išspręsti.',
  'owner.reopened': '{customerName} vėl atidarė prašymą #{number}. Juo vėl rūpinatės Jūs.',
  'owner.closed_by_customer': '{customerName} uždarė prašymą #{number}. Daugiau nieko daryti nereikia.',
  'owner.auto_closed':
    'Prašymas #{number} uždarytas automatiškai: {customerName} per nustatytą laiką neatsakė. Prašymą galima vėl atidaryti.',
  'owner.promise_repaired':
    'Prašymas #{number} (pateikė {customerName}) buvo praradęs atsakymo terminą dėl mūsų sistemos klaidos, kuri jau ištaisyta. Atsakyti reikia iki {dueAt}.',
  'owner.rating': '{customerName} įvertino prašymą #{number}: {score}/5. Komentaras: {comment}',
  'owner.rating_no_comment': '{customerName} įvertino prašymą #{number}: {score}/5, be komentaro.',
  'owner.kind_words':
    'Gerų žodžių iš kliento: {customerName} įvertino prašymą #{number} {score}/5 ir parašė „{comment}“. Ačiū už Jūsų rūpestį.',
  'supervisors.kind_words':
    'Gerų žodžių iš kliento: {customerName} įvertino prašymą #{number} {score}/5 ir parašė „{comment}“. Juo rūpinosi {holderName}.',
  'supervisors.kind_words_no_holder':
    'Gerų žodžių iš kliento: {customerName} įvertino prašymą #{number} {score}/5 ir parašė „{comment}“.',
  'owner.abuse_reply_ready':
    '⚠ {customerName} prašyme #{number} pavartojo įžeidžių žodžių. Paruoštas mandagus ir tvirtas atsakymas kliento kalba: „{reply}“\nSiųskite jį tokį, koks yra, arba parašykite savo. Prašymas tvarkomas kaip anksčiau.',
  'owner.abuse_taken_over':
    '{supervisorName} perėmė prašymą #{number} (pateikė {customerName}) po įžeidžių žinučių. Jums nebereikia į jas atsakinėti. Ačiū, kad išlikote ramūs.',
  'owner.abuse_supported':
    '{supervisorName} Jus palaiko dėl prašymo #{number}: įžeidžios žinutės (rašė {customerName}) perskaitytos, ir Jūs nesate vieni. Pagalbos galite kreiptis bet kada.',
  'supervisors.abuse_repeated':
    '⚠ {customerName} vėl pavartojo įžeidžių žodžių prašyme #{number} (įžeidžių žinučių iki šiol: {count}). Prašymą tvarko {holderName}. Paskutinė žinutė, su paslėptais žodžiais: „{text}“\nPerimkite prašymą arba palaikykite kolegą ({holderName}), kad žinotų, jog esate šalia. Prašymas tvarkomas kaip anksčiau.',
  'supervisors.abuse_repeated_no_holder':
    '⚠ {customerName} vėl pavartojo įžeidžių žodžių prašyme #{number} (įžeidžių žinučių iki šiol: {count}). Prašymo dar niekas netvarko. Paskutinė žinutė, su paslėptais žodžiais: „{text}“\nPerimkite prašymą arba palaikykite komandą, kad žinotų, jog esate šalia. Prašymas tvarkomas kaip anksčiau.',
  'customer.abuse_reply':
    'Noriu Jums padėti ir padėsiu. Geriausiai tai padarysiu, jei kalbėsimės pagarbiai: parašykite, kas negerai, be įžeidimų ir grasinimų, ir toliau spręsiu tai kartu su Jumis.',
  'flag.abusive': '⚠ Įžeidūs žodžiai (paslėpti)',
  'supervisors.case_heavy':
    '{markedByName} pažymėjo prašymą #{number} (pateikė {customerName}) kaip sunkų: jis slegia jį tvarkantį žmogų. Jį tvarko {holderName}. Pastaba: „{note}“\nPrisijunkite prie {holderName} arba perimkite prašymą.',
  'supervisors.case_heavy_no_note':
    '{markedByName} pažymėjo prašymą #{number} (pateikė {customerName}) kaip sunkų: jis slegia jį tvarkantį žmogų. Jį tvarko {holderName}.\nPrisijunkite prie {holderName} arba perimkite prašymą.',
  'supervisors.case_heavy_unheld':
    '{markedByName} pažymėjo prašymą #{number} (pateikė {customerName}) kaip sunkų: jis slegia jį tvarkantį žmogų. Jo dar niekas netvarko. Pastaba: „{note}“\nGalite jį perimti.',
  'supervisors.case_heavy_unheld_no_note':
    '{markedByName} pažymėjo prašymą #{number} (pateikė {customerName}) kaip sunkų: jis slegia jį tvarkantį žmogų. Jo dar niekas netvarko.\nGalite jį perimti.',
  'staff.marked_heavy':
    'Ačiū, kad pasakėte. Prašymas #{number} pažymėtas kaip sunkus: komandos vadovams pranešta asmeniškai, o jį tvarkančio žmogaus krūvyje jis skaičiuojamas dvigubai. Klientui apie tai nepranešama.',
  'owner.paired_up':
    '{supervisorName} dirba kartu su Jumis prie #{number}. Nereikia to nešti vieniems: vadovas mato prašymą ir padės.',
  'expert.assigned':
    'Jums paskirtas prašymas #{number} (pateikė {customerName}; sritis: {topicName}; prioritetas: {priority}). Pradinė žinutė: „{words}“\nPažadėjome, kad atsakysite iki {dueAt}.',
  'expert.taken_over':
    'Prašymą #{number} perėmė {supervisorName} iš vadovybės. Ačiū už Jūsų darbą; toliau nieko daryti nereikia, nebent Jūsų paprašys.',
  'expert.declined':
    '{supervisorName} atmetė prašymo #{number} eskalavimą: {reason}\nPrašymas grąžintas Jums.',
  'expert.moved_after_misses':
    'Prašymas #{number} perduotas: dabar juo rūpinasi {expertName}, nes pažadėti terminai nebuvo išlaikyti. Daugiau nieko daryti nereikia, nebent Jūsų paprašytų.',
  'supervisors.approval_requested':
    'Reikia sprendimo dėl prašymo #{number} (pateikė {customerName}) eskalavimo. Prašo {requestedByName} ({role}). Priežastis: {reason}\nPradinė žinutė: „{words}“\nPrašome nuspręsti iki {dueAt}.',
  'supervisors.approval_requested_auto':
    'Reikia sprendimo dėl prašymo #{number} (pateikė {customerName}) eskalavimo; to paprašyta automatiškai. Priežastis: {reason}\nPradinė žinutė: „{words}“\nPrašome nuspręsti iki {dueAt}.',
  'supervisors.approval_nudge':
    'Priminimas: prašymo #{number} eskalavimas vis dar laukia sprendimo, terminas – {dueAt}.',
  'supervisors.approval_missed':
    'Sprendimas dėl prašymo #{number} (pateikė {customerName}) vėluoja. Žmogus laukia – prašome patvirtinti arba atmesti dabar.',
  'supervisors.risk_warning':
    'Prašymas #{number} (pateikė {customerName}) gali būti iškeltas už komandos ribų (rizika: {band}). Požymiai: {signals}. Vadovo žodis dabar gali padėti.',
  'supervisors.outside_recorded':
    'Užfiksuota prie prašymo #{number}: {customerName} kreipėsi už komandos ribų ({channel}). Pastaba: {note}\nVadovas jam skolingas atlyginimą, ką padarysime be pataisymo, iki {dueAt}.',
  'supervisors.incident_alert':
    '{count, one: # nauja byla, few: # naujos bylos, other: # naujų bylų} tema {topicName} per paskutines {minutes} min. panašios, naujausia Nr. {number}: „{words}“\nAr tai vienas incidentas? Paskelbus jį bylos susiejamos, ir vienas pranešimas pasiekia kiekvieną klientą.',
  'supervisors.incident_declared':
    'Incidentą „{title}“ paskelbė {supervisorName}: kol kas susieta bylų: {count}, pirmoji Nr. {number}. Naujienas skelbkite ir incidentą išspręskite čia.',
  'supervisors.decided': 'Prašymo #{number} eskalavimas: {decision} ({supervisorName}).',
  'supervisors.recovery_nudge':
    'Priminimas: {customerName} kreipėsi už komandos ribų dėl prašymo #{number}, o atlyginimas (ką padarysime be pataisymo) turi būti parašytas iki {dueAt}. Jį gali parašyti bet kuris komandos vadovas.',
  'supervisors.recovery_missed':
    'Atlyginimas, skolingas {customerName} dėl prašymo #{number}, vėluoja. Parašykite jį dabar; naujas terminas {dueAt}.',
  'supervisors.recovery_sent': '{supervisorName} išsiuntė {customerName} atlyginimą dėl prašymo #{number}.',

  // Klaidos
  'error.not_found': 'Neradome prašymo #{number}. Gal galite patikrinti numerį?',
  'error.not_your_case': 'Šį veiksmą gali atlikti tik prašymu besirūpinantis asmuo arba vadovas.',
  'error.supervisors_only': 'Šį veiksmą gali atlikti tik vadovai.',
  'error.staff_only': 'Šis veiksmas skirtas pagalbos komandai.',
  'error.away_until_invalid':
    'Nepavyko suprasti „{value}“ kaip laiko, kada grįšite. Parašykite laiką (pavyzdžiui, 17:00), datą (pavyzdžiui, 2026-12-24) arba „rytoj“ (savo laiko juostoje), arba nieko – tada būsite išvykę, kol pranešite, kad grįžote.',
  'error.holder_only': 'Perduoti prašymą #{number} gali tik jį tvarkantis asmuo.',
  'error.colleague_holder_only':
    'Kolegos apie prašymą #{number} paklausti gali tik jį tvarkantis asmuo arba jo komandos vadovas.',
  'error.not_a_colleague':
    'Pasirinkite pagalbos komandos narį, kuris nėra nei Jūs, nei prašymą #{number} tvarkantis asmuo.',
  'error.colleague_away':
    '{colleagueName} šiuo metu išvykęs ir Jūsų klausimo dėl prašymo #{number} nepamatytų. Gal paklaustumėte ką nors kito?',
  'error.colleague_text_too_long':
    'Parašykite trumpiau nei {max} simbolių: kolega tai skaitys asmeninėje žinutėje.',
  'error.not_asked': 'Atsakyti ar perimti prašymą #{number} iš čia gali tik kolega, kurio buvo paklausta.',
  'error.expert_only': 'Šis veiksmas skirtas šį prašymą nagrinėjančiam ekspertui.',
  'error.not_an_expert': 'Šis asmuo nėra prašymo #{number} srities ekspertas. Pasirinkite kitą.',
  'error.already_claimed': 'Prašymu #{number} jau rūpinasi {ownerName}.',
  'error.unknown_topic': 'Srities „{topic}“ nežinome. Pasirinkite sritį iš sąrašo.',
  'error.invalid_state': 'Šiame prašymo etape to padaryti negalima (dabartinė būsena: {status}).',
  'error.already_decided': 'Dėl šio eskalavimo jau nuspręsta, todėl čia daugiau nieko daryti nereikia.',
  'error.supervisor_already_asked':
    'Prašymą #{number} jau peržiūri vadovas; sprendimas bus priimtas iki {dueAt}.',
  'error.own_case': 'Prašymas #{number} yra Jūsų paties, todėl dėl jo turi spręsti kitas vadovas.',
  'error.no_other_expert':
    'Šiuo metu nėra kito laisvo šios srities eksperto prašymui #{number}. Jį gali perimti vadovas.',
  'error.invalid_time': 'Nepavyko perskaityti šio laiko. Pasirinkite datą ir laiką iš naujo.',
  'error.apology_and_plan_required':
    'Prašome parašyti ir atsiprašymą, ir tai, kas bus padaryta: kreipęsis žmogus matys abu.',
  'error.window_outside_policy':
    'Tai vėliau, nei leidžia mūsų taisyklės. Vėliausias galimas laikas – {maxAt}.',
  'error.rating_range': 'Pasirinkite įvertinimą nuo 1 iki 5.',
  'error.empty_text': 'Žinutė atrodo tuščia. Parašykite ką nors ir bandykite dar kartą.',
  'error.conflict': 'Kažkas kitas tuo pačiu metu pakeitė šį prašymą. Bandykite dar kartą.',
  'error.calendar_never_open':
    'Kalendoriuje „{calendar}“ nėra darbo valandų, todėl atsakymo termino nustatyti negalima. Paprašykite administratoriaus jį patikrinti.',
  'error.absence_invalid':
    'Nepavyksta perskaityti asmens {person} nebuvimo datos ar laiko „{value}“. Paprašykite administratoriaus patikrinti katalogą.',
  'error.calendar_invalid':
    'Kalendoriuje „{calendar}“ yra nuostata, kurios nepavyksta perskaityti: „{value}“. Paprašykite administratoriaus jį patikrinti.',
  'error.invalid_duration':
    'Netinkama trukmė: {ms} ms. Paprašykite administratoriaus patikrinti terminų taisykles.',
  'error.no_expert':
    'Šiuo metu nėra laisvo srities „{topicName}“ eksperto. Galite paprašyti vadovo perimti prašymą.',
  'error.incident_not_found': 'Šio incidento neradome.',
  'error.no_abuse': 'Prašyme #{number} nėra įžeidžios žinutės, į kurią reikėtų atsakyti.',
  'error.abuse_replied': 'Paruoštas atsakymas po paskutinės prašymo #{number} žinutės jau išsiųstas.',
  'error.incident_over': 'Šis incidentas jau išspręstas, čia nebėra ką daryti.',
  'error.answer_gone': 'Šio atsakymo atsakymų banke nebėra (pašalintas arba ištrintas): parašykite savo.',
  'error.heavy_staff_only':
    'Pažymėti prašymą kaip sunkų gali tik pagalbos komanda. Jei Jums kas nors šiame prašyme sunku, papildykite jį arba paprašykite vadovo: mes išklausysime.',
  'error.already_heavy':
    'Prašymas #{number} jau pažymėtas kaip sunkus (pažymėjo {markedByName}), ir vadovai apie tai žino. Daugiau nieko nereikia.',
  'error.not_heavy': 'Prašymas #{number} nepažymėtas kaip sunkus, todėl nėra prie ko prisijungti.',
  'error.already_yours': 'Prašymas #{number} jau Jūsų.',
  'error.already_paired': 'Jūs jau dirbate kartu prie prašymo #{number}. Ačiū.',
  'error.unexpected': 'Mūsų pusėje įvyko klaida. Bandykite dar kartą po akimirkos.',
  'error.recovery_required':
    'Parašykite, ką padarysime be pataisymo: klientas tai gaus taip, kaip parašysite.',
  'error.recovery_too_long': 'Atlyginimo tekstas per ilgas: ne daugiau kaip {max} simbolių.',
  'error.no_recovery':
    'Prašymui #{number} atlyginimo dabar nereikia: jis jau išsiųstas arba klientas nesikreipė už komandos ribų.',

  // Pavadinimai
  'status.open': 'atviras',
  'status.waiting_on_customer': 'laukiama papildomos informacijos',
  'status.waiting_on_expert': 'nagrinėja ekspertas',
  'status.awaiting_approval': 'laukiama vadovo sprendimo',
  'status.resolved': 'išspręstas',
  'status.closed': 'uždarytas',
  'priority.low': 'žemas',
  'priority.normal': 'įprastas',
  'priority.high': 'aukštas',
  'priority.urgent': 'skubus',
  'risk.low': 'maža',
  'risk.elevated': 'padidėjusi',
  'risk.high': 'didelė',
  'level.1': '1 lygis, pirmoji linija',
  'level.2': '2 lygis, ekspertas',
  'level.3': '3 lygis, vadovas',
  'level.4': '4 lygis, kreiptasi už komandos ribų',
  'role.customer': 'klientas',
  'role.front_line': 'pirmoji linija',
  'role.expert': 'ekspertas',
  'role.supervisor': 'vadovas',
  'role.system': 'sistema',
  'decision.approved': 'patvirtintas',
  'decision.declined': 'atmestas',
  'reason.no_expert': 'šiai sričiai nėra laisvo eksperto',
  'reason.customer_asked': 'kreipęsis žmogus paprašė vadovo',
  'reason.staff_asked': 'komandos narys paprašė vadovo',
  'reason.holder_away': 'jį tvarkantis asmuo išvykęs',
  'away.set': 'Esate pažymėti kaip išvykę, kol pranešite, kad grįžote. Nauji prašymai bus skiriami kitiems.',
  'away.set_until': 'Esate pažymėti kaip išvykę iki {untilAt}. Iki tol nauji prašymai bus skiriami kitiems.',
  'away.offer':
    'Tvarkote {count, one: # neužbaigtą prašymą, few: # neužbaigtus prašymus, many: # neužbaigto prašymo, other: # neužbaigtų prašymų}. Perduokite juos, kad niekas Jūsų nelauktų:',
  'away.back': 'Sveiki sugrįžę. Nauji prašymai vėl gali būti skiriami Jums.',
  'away.not_away': 'Nebuvote pažymėti kaip išvykę: nauji prašymai jau gali būti skiriami Jums.',
  'away.handed_over': 'Perduota: {count}. Liko pas Jus: {left}.',
  'reason.missed_window': 'praleistas pažadėtas terminas',
  'signal.keyword': 'žodžiai apie skundą aukštesnei vadovybei',
  'signal.follow_up_burst': 'keli pranešimai per trumpą laiką',
  'signal.missed_window': 'praleistas pažadėtas terminas',
  'signal.declined_escalation': 'atmestas eskalavimas',
  'signal.asked_supervisor': 'paprašyta vadovo',
  'signal.approval_missed': 'vėluoja vadovo sprendimas',
  'signal.went_outside': 'kreiptasi už komandos ribų',
  'action.claim': 'Perimti',
  'action.escalate': 'Perduoti ekspertui',
  'action.resolve': 'Išspręsti',
  'action.ask_supervisor': 'Paprašyti vadovo',
  'action.accept': 'Priimti',
  'action.cannot_resolve': 'Negaliu išspręsti',
  'action.reassign': 'Perskirti',
  'action.colleague_answer': 'Atsakyti',
  'action.colleague_take': 'Perimti prašymą',
  'action.approve': 'Patvirtinti',
  'action.decline': 'Atmesti',
  'action.add_details': 'Pridėti informacijos',
  'action.mark_resolved': 'Pažymėti kaip išspręstą',
  'action.confirm': 'Patvirtinti',
  'action.reopen': 'Atidaryti iš naujo',
  'action.rate': 'Įvertinti',
  'action.declare_incident': 'Paskelbti incidentą',
  'action.incident_update': 'Paskelbti naujienas',
  'action.resolve_incident': 'Išspręsti incidentą',
  'action.abuse_reply': 'Siųsti šį atsakymą',
  'action.abuse_take_over': 'Perimti',
  'action.abuse_stay': 'Palaikyti kolegą',
  'action.write_recovery': 'Parašyti atlyginimą',
  'action.mark_heavy': 'Šis yra sunkus',
  'action.pair_up': 'Prisijungti',
  'action.take_over': 'Perimti',
  'report.title': 'Ši savaitė (paskutinės 7 dienos) · {teamName}',
  'report.intro': 'Kaip jūsų komandos tesėjo pažadus per paskutines 7 dienas iki dabar:',
  'report.kept': 'Ištesėti pažadai: {percent} (ištesėta: {kept}, neištesėta: {missed})',
  'report.kept_none': 'Ištesėti pažadai: šią savaitę nė vieno termino nesuėjo',
  'report.first_response':
    'Pirmasis atsakymas, skaičiuojant politikos darbo valandomis: mediana {p50}, 9 iš 10 – per {p90}',
  'report.first_response_none': 'Pirmasis atsakymas: šią savaitę pirmą kartą neatsakyta nė į vieną prašymą',
  'report.csat':
    'Pasitenkinimas: {average} iš 5 ({count, one: # įvertinimas, few: # įvertinimai, many: # įvertinimo, other: # įvertinimų})',
  'report.csat_none': 'Pasitenkinimas: šią savaitę įvertinimų nėra',
  'report.volume': 'Prašymai: pateikta {opened}, išspręsta arba uždaryta {resolved}',
  'report.deflected': 'Išspręsta ankstesniu atsakymu: {count} iš {finished}',
  'report.recoveries': '4 lygio atlyginimai: atverta {opened}, laiku išsiųsta {kept}, pavėluota {late}',
  'report.at_risk': 'Šiuo metu rizikingi: {atRisk}',
  'report.not_supervisor':
    'Ataskaita skirta vadovams: ji rodo, kaip komanda tesi pažadus. Čia nevadovaujate jokiai komandai, todėl nėra ką parodyti.',
  'digest.title': 'Savaitės apžvalga – {teamName}: paskutinės 7 dienos iki dabar',
  'digest.went_well': 'Kas pavyko',
  'digest.kept':
    'Šią savaitę {kept, one: ištesėtas # pažadas, few: ištesėti # pažadai, many: ištesėta # pažado, other: ištesėta # pažadų}.',
  'digest.kept_none': 'Šią savaitę nė vieno pažado terminas nesuėjo.',
  'digest.recoveries':
    '4 lygis: už komandos ribų kreipėsi klientų: {opened}; išsiųsta atlyginimų: {kept} laiku ir {late} pavėluotai.',
  'digest.praise_none': 'Šią savaitę nėra 4 ar 5 įvertinimų su komentaru.',
  'digest.rating': '{score}/5 prašymui #{number}: „{comment}“',
  'digest.worst_kept': 'Mažiausiai tesėti pažadai',
  'digest.worst_line': '{group}: ištesėta {percent} (ištesėta: {kept}, neištesėta: {missed})',
  'digest.worst_none': 'Visos grupės, kurioms suėjo bent du terminai, ištesėjo visus pažadus.',
  'digest.group_topic': 'sritis „{topicName}“',
  'digest.group_expert': 'ekspertas {expertName}',
  'digest.group_kind.first_response': 'pirmieji atsakymai',
  'digest.group_kind.callback': 'atsakymai po pirmojo atsakymo',
  'digest.group_kind.approval': 'vadovų sprendimai',
  'digest.lowest': 'Žemiausi įvertinimai',
  'digest.lowest_none': 'Šią savaitę nėra 3 ar žemesnių įvertinimų su komentaru.',
  'digest.grown': 'Sritys, kurių prašymų padaugėjo',
  'digest.grown_line':
    '{topicName}: {opened, one: # naujas prašymas, few: # nauji prašymai, many: # naujo prašymo, other: # naujų prašymų}, o savaitę prieš tai – {before}',
  'digest.grown_none': 'Palyginti su ankstesne savaite, nė vienos srities prašymų žymiai nepadaugėjo.',
  'digest.policy':
    'Taisyklių pakeitimai, kuriuos verta apsvarstyti (keičiamas konfigūracijos failas; botas pats nieko nekeičia)',
  'digest.policy_callback':
    '„{topicName}“: praleisti {missed} atsakymo terminai iš {ended} — apsvarstykite ilgesnį atsakymo terminą (dabar {now}) arba kitą ekspertą (dabar jų: {experts})',
  'digest.policy_first_response':
    '„{topicName}“: praleisti {missed} pirmojo atsakymo terminai iš {ended} — apsvarstykite ilgesnį pirmojo atsakymo terminą (dabar {now}) arba daugiau žmonių budėjimo sąraše',
  'digest.policy_none': 'Nė viena sritis nepraleido trečdalio savo terminų: pakeitimų siūlyti nereikia.',
  'console.link':
    'Jūsų prisijungimo prie žiniatinklio konsolės nuoroda: {link}\nJa galima pasinaudoti vieną kartą per 15 minučių. Niekam jos neperduokite.',
  'console.off':
    'Žiniatinklio konsolė čia neįjungta: ją įjungti gali boto administratorius, nustatęs CONSOLE_PORT.',
  'console.not_supervisor': 'Žiniatinklio konsolė skirta vadovams. Čia nevadovaujate jokiai komandai.',
  nobody: 'dar nepaskirtas',
};
