// French catalog: "vous" throughout; wording kept neutral in gender where the person is unknown.
import type { TextKey } from './en.ts';

export const fr: Record<TextKey, string> = {
  // Côté client
  'customer.ack':
    'Bonjour {name}, merci de nous avoir écrit. Votre demande est enregistrée sous le numéro {number} : « {words} ». {position, one: # demande précède, other: # demandes précèdent} la vôtre dans la file d’attente, et un membre de notre équipe vous répondra d’ici le {firstResponseAt}.',
  'customer.ack_next_in_line':
    'Bonjour {name}, merci de nous avoir écrit. Votre demande est enregistrée sous le numéro {number} : « {words} ». Elle est la prochaine dans la file d’attente, et un membre de notre équipe vous répondra d’ici le {firstResponseAt}.',
  'customer.added_to_open_case':
    'Bonjour {name}, votre demande #{number} est encore ouverte : nous y avons ajouté votre nouveau message, « {text} ». Toutes les personnes qui la traitent peuvent le lire ; écrivez ici pour compléter.',
  'customer.details_received':
    'Merci, {name}. Nous avons ajouté ces précisions à votre demande #{number} ; toutes les personnes qui la traitent peuvent les consulter.',
  'customer.claimed':
    'Bonjour {name}, {ownerName} s’occupe désormais de votre demande #{number} et vous répondra ici d’ici le {dueAt}.',
  'customer.claimed_no_due':
    'Bonjour {name}, {ownerName} s’occupe désormais de votre demande #{number} et vous répondra ici.',
  'customer.reply': 'Réponse de {fromName} concernant votre demande #{number} :\n{text}',
  'customer.question':
    '{fromName} a une question concernant votre demande #{number} :\n{text}\nPrenez le temps qu’il vous faut : notre délai de réponse est suspendu jusqu’à votre réponse.',
  'customer.expert_assigned':
    'Bonjour {name}, votre demande #{number} concerne le domaine « {topicName} » ; elle est donc désormais confiée à {expertName}, spécialiste de ce sujet. Vous aurez des nouvelles de {expertName} d’ici le {dueAt}.',
  'customer.window_renegotiated':
    'Bonjour {name}, {expertName} a besoin d’un peu plus de temps pour vous apporter une réponse complète sur votre demande #{number}. Vous aurez une réponse d’ici le {dueAt}. Nous vous prions de nous excuser pour cette attente.',
  'customer.still_on_it':
    'Bonjour {name}, nous vous devons des excuses : nous vous avions promis une réponse sur votre demande #{number} et ce délai n’a pas été tenu. Nous y travaillons toujours, et vous aurez de nos nouvelles d’ici le {dueAt}.',
  'customer.supervisor_requested':
    'Bonjour {name}, nous avons demandé à un responsable d’examiner votre demande #{number}. La décision sur la suite sera prise d’ici le {dueAt}, et nous vous en informerons ici.',
  'customer.supervisor_approved':
    'Bonjour {name}, {supervisorName}, responsable de l’équipe, a pris en charge votre demande #{number} et vous adresse ce message :\n« {apology} »\nCe qui va être fait : {plan}\nVous aurez de nos nouvelles d’ici le {dueAt}.',
  'customer.supervisor_declined':
    'Bonjour {name}, un responsable a examiné votre demande #{number} et a décidé de ne pas la faire remonter pour le moment. Motif : {reason}\nVotre demande reste ouverte auprès de l’équipe. Vous pouvez ajouter des précisions qui pourraient changer la situation, redemander un responsable plus tard, ou la marquer comme résolue si vous n’avez plus besoin d’aide.',
  'customer.incident_linked':
    'Bonjour {name}, le dossier n° {number} fait partie d’un incident connu : « {title} ». Notre équipe y travaille, et nous vous tiendrons informé ici de son avancement.',
  'customer.incident_update': 'Point sur « {title} » (votre dossier n° {number}), {postedAt} :\n{text}',
  'customer.resolved':
    'Bonjour {name}, nous pensons que votre demande #{number} est résolue : {summary}\nSi c’est bien le cas, merci de le confirmer. Si quelque chose ne va toujours pas, vous pouvez rouvrir la demande et elle reviendra à l’équipe.',
  'customer.reopened':
    'Bonjour {name}, votre demande #{number} est de nouveau ouverte. Nous avons prévenu l’équipe, qui reviendra vers vous ici.',
  'customer.reopened_by_message':
    'Bonjour {name}, merci de nous avoir réécrit. Votre demande #{number} est rouverte avec votre nouveau message, et vous aurez de nos nouvelles d’ici le {dueAt}.',
  'customer.follows_earlier':
    'Bonjour {name}, votre demande #{earlierNumber} a été close il y a quelque temps : votre message ouvre donc une nouvelle demande. L’équipe peut consulter la précédente.',
  'customer.check_in':
    'Bonjour {name}, nous n’avons pas eu de vos nouvelles depuis un moment au sujet de votre demande #{number}. Pouvons-nous faire autre chose pour vous ? Il vous suffit de répondre ici. Sans nouvelles de votre part d’ici le {closeAt}, nous clôturerons la demande ; vous pourrez la rouvrir à tout moment.',
  'customer.auto_closed':
    'Bonjour {name}, sans nouvelles de votre part, nous avons clôturé votre demande #{number}. Si vous avez encore besoin d’aide, rouvrez-la ou écrivez-nous simplement ici : l’équipe la reprendra.',
  'customer.closed':
    'Bonjour {name}, votre demande #{number} est maintenant close. Merci de votre patience. Si vous avez un instant, pourriez-vous noter notre aide de 1 (insuffisante) à 5 (excellente) ?',
  'customer.rating_thanks':
    'Merci, {name}. Nous avons bien enregistré votre note de {score} sur 5 ; elle nous aide à nous améliorer.',
  'customer.reassigned':
    'Bonjour {name}, votre demande #{number} est désormais confiée à {expertName}, qui vous répondra d’ici le {dueAt}.',
  'customer.status_header': 'Bonjour {name}, voici où en sont vos demandes :',
  'customer.status_line':
    'Demande #{number} : {status}. Prise en charge par : {ownerName}. Prochaine réponse prévue d’ici le {dueAt}.',
  'customer.status_line_no_due': 'Demande #{number} : {status}. Prise en charge par : {ownerName}.',
  'customer.status_none':
    'Bonjour {name}, vous n’avez aucune demande en cours chez nous. Si vous avez besoin d’aide, écrivez-nous simplement ici.',
  'customer.recovery':
    'Bonjour {name}, ici {supervisorName}, responsable, au sujet de la demande #{number}. Nous regrettons d’en être arrivés là. Au-delà de la correction, voici ce que nous allons faire :\n{text}',

  // Côté équipe
  'triage.new_case':
    'Nouvelle demande #{number} de {customerName} (sujet : {topicName}, priorité : {priority}) : « {words} »\n{position, one: # demande la précède, other: # demandes la précèdent} dans la file. Première réponse attendue d’ici le {firstResponseAt}.',
  'triage.customer_details': '{customerName} a ajouté des précisions à la demande #{number} :\n{text}',
  'triage.first_response_nudge':
    'Rappel : la demande #{number} de {customerName} attend toujours une première réponse, prévue d’ici le {dueAt}. Quelqu’un peut-il la prendre en charge ?',
  'triage.first_response_missed':
    'Le délai de première réponse de la demande #{number} de {customerName} est dépassé ({dueAt}). La personne attend toujours ; merci de prendre la demande en charge dès que possible.',
  'triage.note': 'Note interne de {authorName} sur la demande #{number} (jamais montrée au client) :\n{text}',
  'triage.colleague_asked':
    '{askerName} a demandé l’aide de {colleagueName} sur la demande #{number} (jamais montré au client) :\n{question}',
  'colleague.asked':
    '{askerName} aimerait votre aide sur la demande #{number} de {customerName} ({topicName}). Le client a écrit : « {words} »\n{askerName} vous demande : {question}\nCela reste au sein de l’équipe : le client ne le voit pas. Répondez ici à {askerName}, ou prenez la demande si elle est mieux entre vos mains.',
  'owner.colleague_answer':
    '{colleagueName} a répondu à la question sur la demande #{number} (jamais montré au client) :\n{text}',
  'owner.colleague_took':
    '{colleagueName} a pris la demande #{number}. Merci pour votre travail ; rien de plus n’est attendu de vous, sauf si on vous le demande.',
  'triage.outside_recorded':
    'Enregistré sur la demande #{number} : {customerName} a porté l’affaire en dehors de l’équipe ({channel}). Note : {note}',
  'owner.customer_details':
    '{customerName} a ajouté des précisions à la demande #{number}, dont vous vous occupez :\n{text}',
  'owner.nudge':
    'Rappel : vous avez promis une réponse à {customerName} sur la demande #{number} d’ici le {dueAt}. S’il vous faut plus de temps, vous pouvez convenir d’un nouveau délai dès maintenant.',
  'owner.missed':
    'Le délai promis à {customerName} pour la demande #{number} ({dueAt}) est dépassé ; {misses, one: # délai n’a pas été tenu, other: # délais n’ont pas été tenus} sur cette demande. Merci de répondre dès que possible, ou de passer la main si vous ne pouvez pas résoudre la demande.',
  'owner.reopened': '{customerName} a rouvert la demande #{number}. Elle vous est de nouveau confiée.',
  'owner.closed_by_customer':
    '{customerName} a clos la demande #{number}. Vous n’avez plus rien à faire sur celle-ci.',
  'owner.auto_closed':
    'La demande #{number} de {customerName} a été clôturée automatiquement : la personne n’a pas répondu dans le délai prévu. Elle peut la rouvrir.',
  'owner.promise_repaired':
    'La demande #{number} de {customerName} avait perdu son délai de réponse (une anomalie de notre côté, désormais corrigée). La réponse est attendue d’ici le {dueAt}.',
  'owner.rating': '{customerName} a noté la demande #{number} : {score}/5. Commentaire : {comment}',
  'owner.rating_no_comment': '{customerName} a noté la demande #{number} : {score}/5, sans commentaire.',
  'owner.kind_words':
    'De gentils mots d’un client : {customerName} a noté la demande #{number} {score}/5 et a écrit « {comment} ». Merci pour le soin que vous y avez mis.',
  'supervisors.kind_words':
    'De gentils mots d’un client : {customerName} a noté la demande #{number} {score}/5 et a écrit « {comment} ». {holderName} s’en occupait.',
  'supervisors.kind_words_no_holder':
    'De gentils mots d’un client : {customerName} a noté la demande #{number} {score}/5 et a écrit « {comment} ».',
  'owner.abuse_reply_ready':
    '⚠ {customerName} a tenu des propos injurieux sur la demande #{number}. Une réponse prête, dans sa langue, courtoise et ferme : « {reply} »\nEnvoyez-la telle quelle, ou écrivez la vôtre. La demande suit son cours comme avant.',
  'owner.abuse_taken_over':
    '{supervisorName} a repris la demande #{number} de {customerName} après ses messages injurieux. Vous n’avez plus à lui répondre. Merci d’être resté(e) calme.',
  'owner.abuse_supported':
    '{supervisorName} vous soutient sur la demande #{number} : ses messages injurieux de {customerName} ont été lus, et vous n’êtes pas seul(e). Demandez de l’aide à tout moment.',
  'supervisors.abuse_repeated':
    '⚠ {customerName} a de nouveau tenu des propos injurieux sur la demande #{number} (messages injurieux jusqu’ici : {count}). {holderName} s’en occupe. Son dernier message, masqué : « {text} »\nReprenez la demande, ou restez aux côtés de {holderName} pour lui montrer votre soutien. La demande suit son cours comme avant.',
  'supervisors.abuse_repeated_no_holder':
    '⚠ {customerName} a de nouveau tenu des propos injurieux sur la demande #{number} (messages injurieux jusqu’ici : {count}). Personne ne s’en occupe encore. Son dernier message, masqué : « {text} »\nReprenez la demande, ou restez aux côtés de l’équipe pour lui montrer votre soutien. La demande suit son cours comme avant.',
  'customer.abuse_reply':
    'Je veux vous aider, et je vais le faire. Je peux le faire au mieux si nous restons respectueux : dites-moi ce qui ne va pas, sans insultes ni menaces, et je continue à m’en occuper avec vous.',
  'flag.abusive': '⚠ Propos injurieux (masqués)',
  'supervisors.case_heavy':
    '{markedByName} a signalé la demande #{number} de {customerName} comme lourde : elle pèse sur qui la traite. {holderName} s’en occupe. Sa note : « {note} »\nFaites équipe avec {holderName}, ou reprenez-la.',
  'supervisors.case_heavy_no_note':
    '{markedByName} a signalé la demande #{number} de {customerName} comme lourde : elle pèse sur qui la traite. {holderName} s’en occupe.\nFaites équipe avec {holderName}, ou reprenez-la.',
  'supervisors.case_heavy_unheld':
    '{markedByName} a signalé la demande #{number} de {customerName} comme lourde : elle pèse sur qui la traite. Personne ne s’en occupe encore. Sa note : « {note} »\nVous pouvez la reprendre.',
  'supervisors.case_heavy_unheld_no_note':
    '{markedByName} a signalé la demande #{number} de {customerName} comme lourde : elle pèse sur qui la traite. Personne ne s’en occupe encore.\nVous pouvez la reprendre.',
  'staff.marked_heavy':
    'Merci de l’avoir dit. La demande #{number} est signalée comme lourde : les responsables de l’équipe ont été prévenus en privé, et elle compte double dans la charge de la personne qui la suit. Le client n’en sait rien.',
  'owner.paired_up':
    '{supervisorName} est avec vous sur la demande #{number}. Vous ne la portez pas seul : cette personne la suit et vous aidera.',
  'expert.assigned':
    'La demande #{number} de {customerName} vous est confiée pour le domaine « {topicName} » (priorité : {priority}). Message d’origine : « {words} »\nNous avons indiqué à {customerName} que vous répondriez d’ici le {dueAt}.',
  'expert.taken_over':
    '{supervisorName}, responsable, a repris la demande #{number}. Merci pour votre travail ; vous n’avez plus rien à faire sauf si on vous le demande.',
  'expert.declined':
    '{supervisorName} a refusé de faire remonter la demande #{number} : {reason}\nLa demande vous est de nouveau confiée.',
  'expert.moved_after_misses':
    'La demande #{number} a été confiée à {expertName} après des délais non tenus. Vous n’avez plus rien à faire, sauf si on vous le demande.',
  'supervisors.approval_requested':
    'Décision requise : faire remonter la demande #{number} de {customerName} ? Demandé par {requestedByName} ({role}). Motif : {reason}\nMessage du client : « {words} »\nMerci de décider d’ici le {dueAt}.',
  'supervisors.approval_requested_auto':
    'Décision requise : faire remonter la demande #{number} de {customerName} ? Demande automatique. Motif : {reason}\nMessage du client : « {words} »\nMerci de décider d’ici le {dueAt}.',
  'supervisors.approval_nudge':
    'Rappel : l’escalade de la demande #{number} attend toujours une décision, prévue d’ici le {dueAt}.',
  'supervisors.approval_missed':
    'La décision sur la demande #{number} de {customerName} est en retard. La personne attend ; merci d’approuver ou de refuser dès maintenant.',
  'supervisors.risk_warning':
    '{customerName} pourrait porter la demande #{number} en dehors de l’équipe (niveau de risque : {band}). Signaux : {signals}. Un mot d’un responsable maintenant peut aider.',
  'supervisors.outside_recorded':
    'Enregistré sur la demande #{number} : {customerName} a porté l’affaire en dehors de l’équipe ({channel}). Note : {note}\nUn responsable lui doit un geste de réparation, ce que nous ferons au-delà de la correction, d’ici le {dueAt}.',
  'supervisors.incident_alert':
    '{count, one: # nouveau dossier, other: # nouveaux dossiers} sur {topicName} ces {minutes} dernières minutes se ressemblent, le plus récent n° {number} : « {words} »\nS’agit-il d’un seul incident ? Le déclarer les relie, et une seule mise à jour parvient alors à chaque client.',
  'supervisors.incident_declared':
    'Incident « {title} » déclaré par {supervisorName} : {count, one: # dossier relié, other: # dossiers reliés} pour l’instant, à commencer par le n° {number}. Publiez les mises à jour et résolvez-le d’ici.',
  'supervisors.decided': 'Escalade de la demande #{number} : {decision} par {supervisorName}.',
  'supervisors.recovery_nudge':
    'Rappel : {customerName} a porté la demande #{number} en dehors de l’équipe, et le geste de réparation (ce que nous ferons au-delà de la correction) est attendu d’ici le {dueAt}. Tout responsable de l’équipe peut l’écrire.',
  'supervisors.recovery_missed':
    'Le geste de réparation dû à {customerName} sur la demande #{number} est en retard. Merci de l’écrire maintenant ; il est de nouveau attendu d’ici le {dueAt}.',
  'supervisors.recovery_sent':
    '{supervisorName} a envoyé à {customerName} le geste de réparation de la demande #{number}.',

  // Erreurs
  'error.not_found': 'Nous ne trouvons pas la demande #{number}. Pourriez-vous vérifier le numéro ?',
  'error.not_your_case':
    'Cette action est réservée à la personne qui s’occupe de cette demande ou à un responsable.',
  'error.supervisors_only': 'Cette action est réservée aux responsables.',
  'error.staff_only': 'Cette action est réservée à l’équipe de support.',
  'error.away_until_invalid':
    'Nous n’avons pas pu lire « {value} » comme le moment de votre retour. Écrivez une heure comme 17:00, une date comme 2026-12-24 ou « demain » (dans votre fuseau horaire), ou rien pour rester absent jusqu’à ce que vous indiquiez votre retour.',
  'error.holder_only': 'Seule la personne qui suit la demande n°{number} peut la transmettre.',
  'error.colleague_holder_only':
    'Seule la personne qui suit la demande n°{number}, ou un superviseur de son équipe, peut demander l’aide d’un collègue.',
  'error.not_a_colleague':
    'Veuillez choisir un membre de l’équipe de support autre que vous-même et la personne qui suit la demande n°{number}.',
  'error.colleague_away':
    '{colleagueName} est absent en ce moment et ne verrait pas votre question sur la demande n°{number}. Pourriez-vous demander à quelqu’un d’autre ?',
  'error.colleague_text_too_long':
    'Merci de rester sous {max} caractères : votre collègue le lit dans un message privé.',
  'error.not_asked':
    'Seul un collègue sollicité sur la demande n°{number} peut y répondre ou la prendre d’ici.',
  'error.expert_only': 'Cette action est réservée à la personne experte chargée de cette demande.',
  'error.not_an_expert':
    'Cette personne n’est pas experte du sujet de la demande #{number}. Merci d’en choisir une autre.',
  'error.already_claimed': '{ownerName} s’occupe déjà de la demande #{number}.',
  'error.unknown_topic': 'Nous ne connaissons pas le sujet « {topic} ». Merci d’en choisir un dans la liste.',
  'error.invalid_state': 'Ce n’est pas possible à ce stade de la demande (statut actuel : {status}).',
  'error.already_decided':
    'Une décision a déjà été prise sur cette escalade ; il n’y a plus rien à faire ici.',
  'error.supervisor_already_asked':
    'Un responsable examine déjà la demande #{number} ; une décision est attendue d’ici le {dueAt}.',
  'error.own_case': 'La demande #{number} est la vôtre : un autre responsable doit donc en décider.',
  'error.no_other_expert':
    'Aucun autre spécialiste du sujet de la demande #{number} n’est disponible pour le moment. Un responsable peut la prendre en charge.',
  'error.invalid_time': 'Cette heure n’a pas pu être lue. Merci de choisir à nouveau une date et une heure.',
  'error.apology_and_plan_required':
    'Merci d’écrire à la fois des excuses et ce qui va être fait : le client verra les deux.',
  'error.window_outside_policy':
    'Ce délai dépasse ce que notre politique permet. Merci de choisir une date au plus tard le {maxAt}.',
  'error.rating_range': 'Merci de choisir une note de 1 à 5.',
  'error.empty_text': 'Le message semble vide. Merci d’écrire quelque chose et de réessayer.',
  'error.conflict': 'Quelqu’un d’autre a modifié cette demande au même moment. Merci de réessayer.',
  'error.calendar_never_open':
    'Le calendrier « {calendar} » ne comporte aucune heure d’ouverture : aucun délai de réponse ne peut donc être fixé. Merci de demander à un administrateur de le vérifier.',
  'error.absence_invalid':
    'L’absence « {value} » de {person} n’est pas une date ou une heure lisible. Merci de demander à un administrateur de vérifier l’annuaire.',
  'error.calendar_invalid':
    'Le calendrier « {calendar} » contient un réglage illisible : « {value} ». Merci de demander à un administrateur de le vérifier.',
  'error.invalid_duration':
    'Une durée de {ms} ms n’est pas valide. Merci de demander à un administrateur de vérifier les règles de délai.',
  'error.no_expert':
    'Aucun expert du domaine « {topicName} » n’est disponible pour le moment. Vous pouvez demander à un responsable de reprendre la demande.',
  'error.incident_not_found': 'Nous n’avons pas trouvé cet incident.',
  'error.no_abuse': 'La demande #{number} n’a aucun message injurieux auquel répondre.',
  'error.abuse_replied':
    'La réponse prête a déjà été envoyée après le dernier message de la demande #{number}.',
  'error.incident_over': 'Cet incident est déjà résolu : il n’y a plus rien à faire ici.',
  'error.answer_gone':
    'Cette réponse n’est plus dans la banque de réponses (retirée ou effacée) : écrivez la vôtre.',
  'error.heavy_staff_only':
    'Signaler une demande comme lourde est réservé à l’équipe de support. Si quelque chose vous pèse dans cette demande, ajoutez des précisions ou demandez un responsable : nous vous écouterons.',
  'error.already_heavy':
    'La demande #{number} est déjà signalée comme lourde (par {markedByName}) et les responsables le savent. Rien de plus n’est nécessaire.',
  'error.not_heavy':
    'La demande #{number} n’est pas signalée comme lourde : il n’y a donc personne à épauler.',
  'error.already_yours': 'La demande #{number} est déjà entre vos mains.',
  'error.already_paired': 'Vous faites déjà équipe sur la demande #{number}. Merci.',
  'error.unexpected': 'Un problème est survenu de notre côté. Merci de réessayer dans un instant.',
  'error.recovery_required':
    'Merci d’écrire ce que nous ferons au-delà de la correction : le client le recevra tel quel.',
  'error.recovery_too_long': 'Le geste de réparation est trop long : merci de rester sous {max} caractères.',
  'error.no_recovery':
    'La demande #{number} n’attend aucun geste de réparation : il a déjà été envoyé, ou le client n’a pas fait de recours externe.',

  // Libellés
  'status.open': 'ouverte',
  'status.waiting_on_customer': 'en attente d’informations',
  'status.waiting_on_expert': 'confiée à un expert',
  'status.awaiting_approval': 'en attente de la décision d’un responsable',
  'status.resolved': 'résolue',
  'status.closed': 'close',
  'priority.low': 'basse',
  'priority.normal': 'normale',
  'priority.high': 'haute',
  'priority.urgent': 'urgente',
  'risk.low': 'faible',
  'risk.elevated': 'accru',
  'risk.high': 'élevé',
  'level.1': 'niveau 1, première ligne',
  'level.2': 'niveau 2, expert',
  'level.3': 'niveau 3, responsable',
  'level.4': 'niveau 4, porté en dehors de l’équipe',
  'role.customer': 'client',
  'role.front_line': 'première ligne',
  'role.expert': 'expert',
  'role.supervisor': 'responsable',
  'role.system': 'automatique',
  'decision.approved': 'approuvée',
  'decision.declined': 'refusée',
  'reason.no_expert': 'aucun expert n’est disponible pour ce sujet',
  'reason.customer_asked': 'le client a demandé un responsable',
  'reason.staff_asked': 'un membre de l’équipe a demandé un responsable',
  'reason.holder_away': 'la personne qui la suit est absente',
  'away.set':
    'Vous êtes marqué absent jusqu’à ce que vous indiquiez votre retour. Les nouvelles demandes iront à d’autres.',
  'away.set_until':
    'Vous êtes marqué absent jusqu’au {untilAt}. Les nouvelles demandes iront à d’autres d’ici là.',
  'away.offer':
    'Vous suivez {count, one: # demande en cours, other: # demandes en cours}. Transmettez-les pour que personne ne vous attende :',
  'away.back': 'Bon retour. Les nouvelles demandes peuvent de nouveau vous être confiées.',
  'away.not_away': 'Vous n’étiez pas marqué absent : les nouvelles demandes peuvent déjà vous être confiées.',
  'away.handed_over': 'Transmises : {count}. Toujours chez vous : {left}.',
  'reason.missed_window': 'un délai promis n’a pas été tenu',
  'signal.keyword': 'mots évoquant une plainte auprès de la hiérarchie',
  'signal.follow_up_burst': 'plusieurs messages en peu de temps',
  'signal.missed_window': 'un délai promis n’a pas été tenu',
  'signal.declined_escalation': 'une escalade a été refusée',
  'signal.asked_supervisor': 'demande d’un responsable',
  'signal.approval_missed': 'la décision d’un responsable a pris du retard',
  'signal.went_outside': 'affaire portée à l’extérieur',
  'action.claim': 'Prendre en charge',
  'action.escalate': 'Confier à un expert',
  'action.resolve': 'Résoudre',
  'action.ask_supervisor': 'Demander un responsable',
  'action.accept': 'Accepter',
  'action.cannot_resolve': 'Impossible à résoudre',
  'action.reassign': 'Réaffecter',
  'action.colleague_answer': 'Répondre',
  'action.colleague_take': 'Prendre cette demande',
  'action.approve': 'Approuver',
  'action.decline': 'Refuser',
  'action.add_details': 'Ajouter des précisions',
  'action.mark_resolved': 'Marquer comme résolue',
  'action.confirm': 'Confirmer',
  'action.reopen': 'Rouvrir',
  'action.rate': 'Noter',
  'action.declare_incident': 'Déclarer un incident',
  'action.incident_update': 'Publier une mise à jour',
  'action.resolve_incident': 'Résoudre l’incident',
  'action.abuse_reply': 'Envoyer cette réponse',
  'action.abuse_take_over': 'Reprendre la demande',
  'action.abuse_stay': 'Rester à ses côtés',
  'action.write_recovery': 'Écrire le geste de réparation',
  'action.mark_heavy': 'Celle-ci est lourde',
  'action.pair_up': 'Faire équipe',
  'action.take_over': 'Reprendre',
  'report.title': 'Cette semaine (les 7 derniers jours) · {teamName}',
  'report.intro': 'Comment vos équipes ont tenu leurs promesses ces 7 derniers jours, jusqu’à maintenant :',
  'report.kept':
    'Promesses tenues : {percent} ({kept, one: # tenue, other: # tenues}, {missed, one: # manquée, other: # manquées})',
  'report.kept_none': 'Promesses tenues : aucune n’est arrivée à échéance cette semaine',
  'report.first_response':
    'Première réponse, comptée sur les heures de la politique : médiane {p50}, 9 sur 10 en moins de {p90}',
  'report.first_response_none':
    'Première réponse : aucune demande n’a reçu de première réponse cette semaine',
  'report.csat': 'Satisfaction : {average} sur 5 ({count, one: # note, other: # notes})',
  'report.csat_none': 'Satisfaction : aucune note cette semaine',
  'report.deflected': 'Réglées par une réponse passée : {count} sur {finished}',
  'report.recoveries':
    'Gestes de réparation (niveau 4) : {opened} ouverts, {kept} envoyés à temps, {late} en retard',
  'report.volume':
    'Demandes : {opened, one: # ouverte, other: # ouvertes}, {resolved, one: # résolue ou fermée, other: # résolues ou fermées}',
  'report.at_risk': 'À risque en ce moment : {atRisk}',
  'report.not_supervisor':
    'Le rapport est réservé aux responsables : il montre comment une équipe tient ses promesses. Vous n’êtes responsable d’aucune équipe ici, il n’y a donc rien à vous montrer.',
  'digest.title': 'Bilan hebdomadaire de {teamName} : les 7 derniers jours, jusqu’à maintenant',
  'digest.went_well': 'Ce qui s’est bien passé',
  'digest.kept': '{kept, one: # promesse a été tenue, other: # promesses ont été tenues} cette semaine.',
  'digest.kept_none': 'Aucune promesse n’est arrivée à échéance cette semaine.',
  'digest.recoveries':
    'Niveau 4 : {opened, one: # client s’est adressé, other: # clients se sont adressés} hors de l’équipe ; gestes de réparation envoyés : {kept} à temps, {late} en retard.',
  'digest.praise_none': 'Aucune note de 4 ou 5 avec un commentaire cette semaine.',
  'digest.rating': '{score}/5 pour la demande #{number} : « {comment} »',
  'digest.worst_kept': 'Promesses les moins tenues',
  'digest.worst_line':
    '{group} : {percent} de promesses tenues ({kept, one: # tenue, other: # tenues}, {missed, one: # manquée, other: # manquées})',
  'digest.worst_none': 'Chaque groupe ayant au moins deux promesses arrivées à échéance les a toutes tenues.',
  'digest.group_topic': 'sujet {topicName}',
  'digest.group_expert': 'expert {expertName}',
  'digest.group_kind.first_response': 'premières réponses',
  'digest.group_kind.callback': 'rappels après une première réponse',
  'digest.group_kind.approval': 'décisions des responsables',
  'digest.lowest': 'Notes les plus basses',
  'digest.lowest_none': 'Aucune note de 3 ou moins avec un commentaire cette semaine.',
  'digest.grown': 'Sujets en hausse',
  'digest.grown_line':
    '{topicName} : {opened, one: # nouvelle demande, other: # nouvelles demandes}, contre {before} la semaine précédente',
  'digest.grown_none': 'Aucun sujet n’a nettement augmenté par rapport à la semaine précédente.',
  'digest.policy':
    'Changements de règles à envisager (une modification du fichier de configuration ; le bot n’en fait jamais)',
  'digest.policy_callback':
    '{topicName} : {missed} rappels manqués sur {ended} — envisagez un délai de rappel plus long (actuellement {now}) ou un autre expert ({experts} actuellement)',
  'digest.policy_first_response':
    '{topicName} : {missed} premières réponses manquées sur {ended} — envisagez un délai de première réponse plus long (actuellement {now}) ou plus de personnes au tri',
  'digest.policy_none': 'Aucun sujet n’a manqué un tiers de ses délais : aucun changement à suggérer.',
  'console.link':
    'Votre lien de connexion à la console web : {link}\nIl ne fonctionne qu’une fois, dans les 15 minutes. Ne le partagez pas.',
  'console.off':
    'La console web n’est pas activée ici : la personne qui fait tourner le bot peut l’activer en définissant CONSOLE_PORT.',
  'console.not_supervisor':
    'La console web est réservée aux responsables. Vous n’êtes responsable d’aucune équipe ici.',
  nobody: 'personne pour l’instant',
};
