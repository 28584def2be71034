// English message catalog: the reference for keys and placeholders. fr.ts and lt.ts must use
// exactly the same placeholders per key (a test checks it).
//
// Conventions the renderer applies (see render.ts):
// - `{xxxAt}` params are ISO instants, shown as a full local date and time with the zone.
// - `{priority}`, `{status}`, `{band}`, `{level}`, `{role}`, `{decision}` are codes translated
//   through `priority.*`, `status.*`, `risk.*`, `level.*`, `role.*`, `decision.*`.
// - `{reason}` and each comma-separated item of `{signals}` are translated through `reason.*` /
//   `signal.*` when they are a known code, and shown as written otherwise.
// - `{position}` is the number of requests AHEAD of the customer's (0 = theirs is first).
//   `customer.ack` with position 0 renders as `customer.ack_next_in_line`.
// - `owner.rating` with an empty comment renders as `owner.rating_no_comment`;
//   `customer.status_line` with an empty dueAt renders as `customer.status_line_no_due`.
export const en = {
  // Customer-facing
  'customer.ack':
    'Hello {name}, thank you for getting in touch. Your request is recorded as case #{number}: “{words}”. {position, one: # request is, other: # requests are} ahead of yours in the queue, and a member of our team will reply by {firstResponseAt}.',
  'customer.ack_next_in_line':
    'Hello {name}, thank you for getting in touch. Your request is recorded as case #{number}: “{words}”. Yours is next in the queue, and a member of our team will reply by {firstResponseAt}.',
  'customer.added_to_open_case':
    'Hello {name}, you already have case #{number} open, so we have added your new message to it: “{text}”. Everyone working on it can see it; write here to add more.',
  'customer.details_received':
    'Thank you, {name}. We have added your details to case #{number}, and everyone working on it can see them.',
  'customer.claimed':
    'Hello {name}, {ownerName} is now looking after case #{number} and will reply to you here by {dueAt}.',
  'customer.claimed_no_due':
    'Hello {name}, {ownerName} is now looking after case #{number} and will reply to you here.',
  'customer.reply': 'Reply from {fromName} on case #{number}:\n{text}',
  'customer.question':
    '{fromName} has a question about case #{number}:\n{text}\nTake the time you need: our reply time is paused until you answer.',
  'customer.expert_assigned':
    'Hello {name}, case #{number} concerns {topicName}, so {expertName}, who specialises in it, is now handling it. You will hear from {expertName} by {dueAt}.',
  'customer.window_renegotiated':
    'Hello {name}, {expertName} needs a little more time to give you a proper answer on case #{number}. You will hear back by {dueAt}. We are sorry for the wait.',
  'customer.still_on_it':
    'Hello {name}, we are sorry: we promised you an answer on case #{number} and did not give it in time. We are still working on it, and you will hear from us by {dueAt}.',
  'customer.supervisor_requested':
    'Hello {name}, we have asked a supervisor to review case #{number}. A decision on the next step will be made by {dueAt}, and we will tell you here.',
  'customer.supervisor_approved':
    'Hello {name}, {supervisorName}, a supervisor, has taken charge of case #{number} and sends you this message:\n“{apology}”\nWhat will be done: {plan}\nYou will hear from us by {dueAt}.',
  'customer.supervisor_declined':
    'Hello {name}, a supervisor has reviewed case #{number} and decided not to escalate it for now. The reason: {reason}\nYour case stays open with the team. You can add details that might change the picture, ask for a supervisor again later, or mark it as resolved if you no longer need help.',
  'customer.incident_linked':
    'Hello {name}, case #{number} is part of a known incident: “{title}”. Our team is working on it, and we will update you here as it moves on.',
  'customer.incident_update': 'Update on “{title}” (your case #{number}), {postedAt}:\n{text}',
  'customer.resolved':
    'Hello {name}, we believe case #{number} is resolved: {summary}\nIf that is right, please confirm. If something is still wrong, you can reopen the case and it will come back to the team.',
  'customer.reopened':
    'Hello {name}, case #{number} is open again. We have let the team know, and they will get back to you here.',
  'customer.reopened_by_message':
    'Hello {name}, thank you for writing again. Case #{number} is open again with your new message, and you will hear from us by {dueAt}.',
  'customer.follows_earlier':
    'Hello {name}, case #{earlierNumber} was closed some time ago, so your message starts a new case. The team can see the earlier one.',
  'customer.check_in':
    'Hello {name}, we have not heard from you on case #{number} for a while. Is there anything else we can do? Just reply here. If we do not hear from you by {closeAt}, we will close the case; you can reopen it at any time.',
  'customer.auto_closed':
    'Hello {name}, we have not heard from you, so we have closed case #{number}. If you still need help, reopen it or simply write here, and the team will pick it up again.',
  'customer.closed':
    'Hello {name}, case #{number} is now closed. Thank you for your patience. If you have a moment, please rate our help from 1 (poor) to 5 (excellent).',
  'customer.rating_thanks':
    'Thank you, {name}. We have recorded your rating of {score} out of 5; it helps us improve.',
  'customer.reassigned':
    'Hello {name}, case #{number} is now with {expertName}, who will get back to you by {dueAt}.',
  'customer.status_header': 'Hello {name}, here is where your requests stand:',
  'customer.status_line': 'Case #{number}: {status}. Handled by: {ownerName}. Next reply due by {dueAt}.',
  'customer.status_line_no_due': 'Case #{number}: {status}. Handled by: {ownerName}.',
  'customer.status_none':
    'Hello {name}, you have no open requests with us at the moment. If you need help, just write here.',
  'customer.recovery':
    'Hello {name}, this is {supervisorName}, supervisor, about case #{number}. We are sorry it came to this. Beyond putting it right, this is what we will do:\n{text}',

  // Staff-facing
  'triage.new_case':
    'New case #{number} from {customerName} (topic: {topicName}, priority: {priority}): “{words}”\n{position, one: # case is, other: # cases are} ahead of it in the queue. First response due by {firstResponseAt}.',
  'triage.customer_details': '{customerName} added details to case #{number}:\n{text}',
  'triage.first_response_nudge':
    'Reminder: case #{number} from {customerName} is still waiting for a first response, due by {dueAt}. Could someone pick it up?',
  'triage.first_response_missed':
    'The first-response time for case #{number} from {customerName} has passed ({dueAt}). They are still waiting; please pick it up as soon as you can.',
  'triage.note': 'Internal note on case #{number} from {authorName} (never shown to the customer):\n{text}',
  'triage.colleague_asked':
    '{askerName} asked {colleagueName} for help on case #{number} (never shown to the customer):\n{question}',
  'colleague.asked':
    '{askerName} would like your help on case #{number} from {customerName} ({topicName}). The customer wrote: “{words}”\n{askerName} asks: {question}\nThis stays within the team: the customer does not see it. Answer {askerName} here, or take the case if it is better with you.',
  'owner.colleague_answer':
    '{colleagueName} answered the question on case #{number} (never shown to the customer):\n{text}',
  'owner.colleague_took':
    '{colleagueName} has taken case #{number}. Thank you for your work on it; nothing more is needed from you unless they ask.',
  'triage.outside_recorded':
    'Recorded on case #{number}: {customerName} has taken the matter outside the team ({channel}). Note: {note}',
  'owner.customer_details': '{customerName} added details to your case #{number}:\n{text}',
  'owner.nudge':
    'Reminder: you promised {customerName} an answer on case #{number} by {dueAt}. If you need more time, you can agree a new time with them now.',
  'owner.missed':
    'The time promised to {customerName} on case #{number} ({dueAt}) has passed; this case has now missed {misses, one: # promised time, other: # promised times}. Please reply to the customer as soon as you can, or hand the case on if you cannot resolve it.',
  'owner.reopened': '{customerName} reopened case #{number}. It is back with you.',
  'owner.closed_by_customer': '{customerName} closed case #{number}. Nothing more is needed from you.',
  'owner.auto_closed':
    'Case #{number} from {customerName} closed itself: they did not reply within the policy’s time. They can reopen it.',
  'owner.promise_repaired':
    'Case #{number} from {customerName} had lost its reply time (a fault on our side, now repaired). It is due by {dueAt}.',
  'owner.rating': '{customerName} rated case #{number}: {score}/5. Comment: {comment}',
  'owner.rating_no_comment': '{customerName} rated case #{number}: {score}/5, with no comment.',
  'owner.kind_words':
    'Kind words from a customer: {customerName} rated case #{number} {score}/5 and wrote “{comment}”. Thank you for the care you put into it.',
  'supervisors.kind_words':
    'Kind words from a customer: {customerName} rated case #{number} {score}/5 and wrote “{comment}”. {holderName} held it.',
  'supervisors.kind_words_no_holder':
    'Kind words from a customer: {customerName} rated case #{number} {score}/5 and wrote “{comment}”.',
  'owner.abuse_reply_ready':
    '⚠ {customerName} used abusive language on case #{number}. A ready reply in their language, courteous and firm: “{reply}”\nSend it as it is, or write your own. Their case goes on as before.',
  'owner.abuse_taken_over':
    '{supervisorName} has taken over case #{number} from {customerName} after their abusive messages. You do not need to answer them any more. Thank you for staying calm.',
  'owner.abuse_supported':
    '{supervisorName} has your back on case #{number}: they have read the abusive messages from {customerName} and stay with you on it. Ask them for help at any time.',
  'supervisors.abuse_repeated':
    '⚠ {customerName} used abusive language again on case #{number} (abusive messages so far: {count}). {holderName} holds it. Their latest, masked: “{text}”\nTake it over, or stay with {holderName} so they know you have their back. The case goes on as before.',
  'supervisors.abuse_repeated_no_holder':
    '⚠ {customerName} used abusive language again on case #{number} (abusive messages so far: {count}). Nobody holds it yet. Their latest, masked: “{text}”\nTake it over, or stay with the team so they know you have their back. The case goes on as before.',
  'customer.abuse_reply':
    'I want to help you, and I will. I can do that best if we keep this respectful: please tell me what is wrong, without insults or threats, and I will keep working on it with you.',
  'flag.abusive': '⚠ Abusive language (masked)',
  'supervisors.case_heavy':
    '{markedByName} marked case #{number} from {customerName} as heavy: it weighs on whoever handles it. {holderName} holds it. Their note: “{note}”\nPair up to be with {holderName} on it, or take it over.',
  'supervisors.case_heavy_no_note':
    '{markedByName} marked case #{number} from {customerName} as heavy: it weighs on whoever handles it. {holderName} holds it.\nPair up to be with {holderName} on it, or take it over.',
  'supervisors.case_heavy_unheld':
    '{markedByName} marked case #{number} from {customerName} as heavy: it weighs on whoever handles it. Nobody holds it yet. Their note: “{note}”\nYou can take it over.',
  'supervisors.case_heavy_unheld_no_note':
    '{markedByName} marked case #{number} from {customerName} as heavy: it weighs on whoever handles it. Nobody holds it yet.\nYou can take it over.',
  'staff.marked_heavy':
    'Thank you for saying so. Case #{number} is marked heavy: the team’s supervisors were told privately, and it counts double in its holder’s load. The customer is not told.',
  'owner.paired_up':
    '{supervisorName} is with you on #{number}. You do not have to carry it alone: they can see it and will help.',
  'expert.assigned':
    'Case #{number} from {customerName} is assigned to you for {topicName} (priority: {priority}). They wrote: “{words}”\nWe have told them you will get back to them by {dueAt}.',
  'expert.taken_over':
    'Supervisor {supervisorName} has taken over case #{number}. Thank you for your work on it; nothing more is needed from you unless they ask.',
  'expert.declined':
    '{supervisorName} declined the escalation of case #{number}: {reason}\nThe case is back with you.',
  'expert.moved_after_misses':
    'Case #{number} has moved to {expertName} after its promised times were missed. Nothing more is needed from you unless they ask.',
  'supervisors.approval_requested':
    'Decision needed on escalating case #{number} from {customerName}. Requested by {requestedByName} ({role}). Reason: {reason}\nThe customer wrote: “{words}”\nPlease decide by {dueAt}.',
  'supervisors.approval_requested_auto':
    'Decision needed on escalating case #{number} from {customerName}, asked for automatically. Reason: {reason}\nThe customer wrote: “{words}”\nPlease decide by {dueAt}.',
  'supervisors.approval_nudge':
    'Reminder: the escalation of case #{number} is still waiting for a decision, due by {dueAt}.',
  'supervisors.approval_missed':
    'The decision on case #{number} from {customerName} is overdue. They are waiting; please approve or decline it now.',
  'supervisors.risk_warning':
    'Case #{number} from {customerName} may be taken outside the team (risk: {band}). Signals: {signals}. A word from a supervisor now may help.',
  'supervisors.outside_recorded':
    'Recorded on case #{number}: {customerName} has taken the matter outside the team ({channel}). Note: {note}\nA supervisor owes them a recovery, what we will do beyond the fix, by {dueAt}.',
  'supervisors.incident_alert':
    '{count, one: # new case, other: # new cases} on {topicName} in the last {minutes} minutes read alike, the newest #{number}: “{words}”\nIs it one incident? Declaring it links them, and one update then reaches every customer.',
  'supervisors.incident_declared':
    'Incident “{title}” declared by {supervisorName}: {count, one: # case, other: # cases} linked so far, starting with #{number}. Post updates and resolve it from here.',
  'supervisors.decided': 'Escalation of case #{number}: {decision} by {supervisorName}.',
  'supervisors.recovery_nudge':
    'Reminder: {customerName} took case #{number} outside the team, and the recovery (what we will do beyond the fix) is due by {dueAt}. Any supervisor of the team can write it.',
  'supervisors.recovery_missed':
    'The recovery owed to {customerName} on case #{number} is overdue. Please write it now; it is due again by {dueAt}.',
  'supervisors.recovery_sent': '{supervisorName} sent {customerName} the recovery on case #{number}.',

  // Errors, shown to the person who acted
  'error.not_found': 'We could not find case #{number}. Could you check the number?',
  'error.not_your_case': 'This action is for the person handling this case or a supervisor.',
  'error.supervisors_only': 'This action is for supervisors.',
  'error.staff_only': 'This action is for the support team.',
  'error.away_until_invalid':
    'We could not read “{value}” as when you will be back. Please write a time like 17:00, a date like 2026-12-24 or “tomorrow” (in your own time zone), or nothing to stay away until you say you are back.',
  'error.holder_only': 'Only the person holding case #{number} can hand it over.',
  'error.colleague_holder_only':
    'Only the person holding case #{number}, or a supervisor of its team, can ask a colleague about it.',
  'error.not_a_colleague':
    'Please choose someone on the support team other than the person holding case #{number} and yourself.',
  'error.colleague_away':
    '{colleagueName} is away at the moment and would not see your question on case #{number}. Could you ask someone else?',
  'error.colleague_text_too_long':
    'Please keep it under {max} characters: your colleague reads it in a direct message.',
  'error.not_asked': 'Only a colleague asked about case #{number} can answer or take it from here.',
  'error.expert_only': 'This action is for the expert handling this case.',
  'error.not_an_expert':
    'That person is not an expert for the topic of case #{number}. Please choose another.',
  'error.already_claimed': '{ownerName} is already looking after case #{number}.',
  'error.unknown_topic': 'We do not know the topic “{topic}”. Please choose one from the list.',
  'error.invalid_state': 'That is not possible at this stage of the case (current status: {status}).',
  'error.already_decided': 'This escalation has already been decided, so there is nothing more to do here.',
  'error.supervisor_already_asked':
    'A supervisor is already reviewing case #{number}; a decision is due by {dueAt}.',
  'error.own_case': 'Case #{number} is your own request, so another supervisor must decide on it.',
  'error.no_other_expert':
    'No other expert for the topic of case #{number} is available right now. A supervisor can take it instead.',
  'error.invalid_time': 'That time could not be read. Please choose a date and time again.',
  'error.apology_and_plan_required':
    'Please write both an apology and what will be done: the customer will see both.',
  'error.window_outside_policy':
    'That is later than our policy allows. Please choose a time no later than {maxAt}.',
  'error.rating_range': 'Please choose a rating from 1 to 5.',
  'error.empty_text': 'The message looks empty. Please write something and try again.',
  'error.conflict': 'Someone else updated this case at the same moment. Please try again.',
  'error.calendar_never_open':
    'The calendar “{calendar}” has no opening hours, so no reply time can be set. Please ask an administrator to check it.',
  'error.absence_invalid':
    'The absence “{value}” for {person} is not a date or time we can read. Please ask an administrator to check the directory.',
  'error.calendar_invalid':
    'The calendar “{calendar}” has a setting we cannot read: “{value}”. Please ask an administrator to check it.',
  'error.invalid_duration':
    'A length of time of {ms} ms is not valid. Please ask an administrator to check the policy settings.',
  'error.no_expert':
    'No expert for {topicName} is available at the moment. You can ask a supervisor to take the case.',
  'error.incident_not_found': 'We could not find that incident.',
  'error.no_abuse': 'Case #{number} has no abusive message to answer.',
  'error.abuse_replied': 'The ready reply was already sent after the latest message on case #{number}.',
  'error.incident_over': 'This incident is already resolved, so there is nothing more to do here.',
  'error.answer_gone': 'That answer is no longer in the answer bank (retired or erased): write your own.',
  'error.heavy_staff_only':
    'Marking a case heavy is for the support team. If something about this request is hard for you, add details or ask for a supervisor: we will listen.',
  'error.already_heavy':
    'Case #{number} is already marked heavy (by {markedByName}) and the supervisors know. Nothing more is needed.',
  'error.not_heavy': 'Case #{number} is not marked heavy, so there is nobody to pair up with on it.',
  'error.already_yours': 'Case #{number} is already with you.',
  'error.already_paired': 'You are already paired up on case #{number}. Thank you.',
  'error.unexpected': 'Something went wrong on our side. Please try again in a moment.',
  'error.recovery_required':
    'Please write what we will do beyond the fix: the customer receives it as you write it.',
  'error.recovery_too_long': 'The recovery is too long: please keep it within {max} characters.',
  'error.no_recovery':
    'Case #{number} owes no recovery now: it was already sent, or the customer has not gone outside.',

  // Labels
  'status.open': 'open',
  'status.waiting_on_customer': 'waiting for more information',
  'status.waiting_on_expert': 'with an expert',
  'status.awaiting_approval': 'waiting for a supervisor’s decision',
  'status.resolved': 'resolved',
  'status.closed': 'closed',
  'priority.low': 'low',
  'priority.normal': 'normal',
  'priority.high': 'high',
  'priority.urgent': 'urgent',
  'risk.low': 'low',
  'risk.elevated': 'elevated',
  'risk.high': 'high',
  'level.1': 'level 1, front line',
  'level.2': 'level 2, expert',
  'level.3': 'level 3, supervisor',
  'level.4': 'level 4, taken outside the team',
  'role.customer': 'customer',
  'role.front_line': 'front line',
  'role.expert': 'expert',
  'role.supervisor': 'supervisor',
  'role.system': 'automatic',
  'decision.approved': 'approved',
  'decision.declined': 'declined',
  'reason.no_expert': 'no expert is available for this topic',
  'reason.customer_asked': 'the customer asked for a supervisor',
  'reason.staff_asked': 'a team member asked for a supervisor',
  'reason.holder_away': 'the person holding it is away',
  'away.set': 'You are marked away until you say you are back. New cases will go to others.',
  'away.set_until': 'You are marked away until {untilAt}. New cases will go to others until then.',
  'away.offer':
    'You hold {count, one: # open case, other: # open cases}. Hand them over so nobody waits for you:',
  'away.back': 'Welcome back. New cases can come to you again.',
  'away.not_away': 'You were not marked away: new cases can already come to you.',
  'away.handed_over': 'Handed over: {count}. Still with you: {left}.',
  'reason.missed_window': 'a promised time was missed',
  'signal.keyword': 'words about complaining higher up',
  'signal.follow_up_burst': 'several messages in a short time',
  'signal.missed_window': 'a promised time was missed',
  'signal.declined_escalation': 'an escalation was declined',
  'signal.asked_supervisor': 'asked for a supervisor',
  'signal.approval_missed': 'a supervisor decision was late',
  'signal.went_outside': 'took the matter outside',
  'action.claim': 'Take it',
  'action.escalate': 'Pass to expert',
  'action.resolve': 'Resolve',
  'action.ask_supervisor': 'Ask for a supervisor',
  'action.accept': 'Accept',
  'action.cannot_resolve': 'Cannot resolve',
  'action.reassign': 'Reassign',
  'action.colleague_answer': 'Answer',
  'action.colleague_take': 'Take this case',
  'action.approve': 'Approve',
  'action.decline': 'Decline',
  'action.add_details': 'Add details',
  'action.mark_resolved': 'Mark as resolved',
  'action.confirm': 'Confirm',
  'action.reopen': 'Reopen',
  'action.rate': 'Rate',
  'action.declare_incident': 'Declare incident',
  'action.incident_update': 'Post an update',
  'action.resolve_incident': 'Resolve incident',
  'action.abuse_reply': 'Send this reply',
  'action.abuse_take_over': 'Take over',
  'action.abuse_stay': 'Stay with them',
  'action.write_recovery': 'Write the recovery',
  'action.mark_heavy': 'This one is heavy',
  'action.pair_up': 'Pair up',
  'action.take_over': 'Take over',
  // Reports: the App Home's "This week" block, `/support report` and the weekly digest. Figures
  // come formatted in the reader's language (texts/numbers.ts); "this week" is the last 7 days.
  'report.title': 'This week (the last 7 days) · {teamName}',
  'report.intro': 'How your teams kept their promises over the last 7 days, up to now:',
  'report.kept': 'Promises kept: {percent} ({kept} kept, {missed} missed)',
  'report.kept_none': 'Promises kept: none came due this week',
  'report.first_response':
    'First response, counted in the policy’s hours: median {p50}, 9 in 10 within {p90}',
  'report.first_response_none': 'First response: no case was first answered this week',
  'report.csat': 'Satisfaction: {average} out of 5 ({count, one: # rating, other: # ratings})',
  'report.csat_none': 'Satisfaction: no ratings this week',
  'report.volume': 'Cases: {opened} opened, {resolved} resolved or closed',
  'report.deflected': 'Settled by a past answer: {count} of {finished}',
  'report.recoveries': 'Level 4 recoveries: {opened} opened, {kept} sent on time, {late} late',
  'report.at_risk': 'At risk now: {atRisk}',
  'report.not_supervisor':
    'The report is for supervisors: it shows how a team keeps its promises. You do not supervise a team here, so there is nothing to show you.',
  'digest.title': 'Weekly digest for {teamName}: the last 7 days, up to now',
  'digest.went_well': 'What went well',
  'digest.kept': '{kept, one: # promise was kept, other: # promises were kept} this week.',
  'digest.kept_none': 'No promise came due this week.',
  'digest.recoveries':
    'Level 4: {opened, one: # customer went, other: # customers went} outside the team; recoveries sent: {kept} on time, {late} late.',
  'digest.praise_none': 'No rating of 4 or 5 with a comment this week.',
  'digest.rating': '{score}/5 on case #{number}: “{comment}”',
  'digest.worst_kept': 'Promises kept least',
  'digest.worst_line': '{group}: {percent} kept ({kept} kept, {missed} missed)',
  'digest.worst_none': 'Every group with at least two promises due kept them all.',
  'digest.group_topic': 'topic {topicName}',
  'digest.group_expert': 'expert {expertName}',
  'digest.group_kind.first_response': 'first responses',
  'digest.group_kind.callback': 'callbacks after a first response',
  'digest.group_kind.approval': 'supervisor decisions',
  'digest.lowest': 'Lowest ratings',
  'digest.lowest_none': 'No rating of 3 or below with a comment this week.',
  'digest.grown': 'Topics that grew',
  'digest.grown_line':
    '{topicName}: {opened, one: # new case, other: # new cases}, against {before} the week before',
  'digest.grown_none': 'No topic grew markedly against the week before.',
  'digest.policy': 'Policy changes to consider (a change to the config file; the bot never makes one)',
  'digest.policy_callback':
    '{topicName}: {missed} of {ended} callback windows missed — consider a longer callback window (now {now}) or another expert ({experts} now)',
  'digest.policy_first_response':
    '{topicName}: {missed} of {ended} first responses missed — consider a longer first-response window (now {now}) or more people on the triage rota',
  'digest.policy_none': 'No topic missed a third of its windows: no change to suggest.',
  'console.link':
    'Your sign-in link to the web console: {link}\nIt works once, within 15 minutes. Do not share it.',
  'console.off':
    'The web console is not switched on here: whoever runs the bot can turn it on by setting CONSOLE_PORT.',
  'console.not_supervisor': 'The web console is for supervisors. You do not supervise a team here.',
  nobody: 'not assigned yet',
} as const;

export type TextKey = keyof typeof en;
