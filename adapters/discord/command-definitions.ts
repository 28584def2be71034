// The slash commands, with names and descriptions in English, French and Lithuanian. Discord
// shows each member the names in their own client language and always sends the English name.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import { UNTIL_MAX } from './inbound/away.ts';

export const COMMAND_NAMES = {
  support: 'support',
  open: 'open',
  status: 'status',
  queue: 'queue',
  report: 'report',
  console: 'console',
  away: 'away',
  back: 'back',
  panel: 'support-panel',
} as const;

type Localized = { name: string; description: string; fr: [string, string]; lt: [string, string] };

interface Named {
  name: string;
  description: string;
  name_localizations: { fr: string; lt: string };
  description_localizations: { fr: string; lt: string };
}

export interface OptionDefinition extends Named {
  type: ApplicationCommandOptionType.String;
  required: boolean;
  max_length: number;
}

export interface SubcommandDefinition extends Named {
  type: ApplicationCommandOptionType.Subcommand;
  options?: OptionDefinition[];
}

export interface CommandDefinition extends Named {
  type: ApplicationCommandType.ChatInput;
  contexts: InteractionContextType[];
  options?: SubcommandDefinition[];
  default_member_permissions?: string;
}

const localize = (l: Localized): Named => ({
  name: l.name,
  description: l.description,
  name_localizations: { fr: l.fr[0], lt: l.lt[0] },
  description_localizations: { fr: l.fr[1], lt: l.lt[1] },
});

export function commandDefinitions(): CommandDefinition[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      ...localize({
        name: COMMAND_NAMES.support,
        description: 'Get help from the support team',
        fr: ['assistance', 'Obtenir de l’aide de l’équipe d’assistance'],
        lt: ['pagalba', 'Gauti pagalbos komandos pagalbą'],
      }),
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localize({
            name: COMMAND_NAMES.open,
            description: 'Open a private support case',
            fr: ['ouvrir', 'Ouvrir une demande d’assistance privée'],
            lt: ['pateikti', 'Pateikti privačią pagalbos užklausą'],
          }),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localize({
            name: COMMAND_NAMES.status,
            description: 'See where your open cases stand',
            fr: ['statut', 'Voir où en sont vos demandes en cours'],
            lt: ['būsena', 'Peržiūrėti atvirų užklausų būseną'],
          }),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localize({
            name: COMMAND_NAMES.queue,
            description: 'Supervisors: approvals, overdue and at-risk cases of your teams',
            fr: ['file', 'Responsables : accords, demandes en retard et à risque de vos équipes'],
            lt: ['eilė', 'Vadovams: sprendimai, vėluojančios ir rizikingos komandų užklausos'],
          }),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localize({
            name: COMMAND_NAMES.report,
            description: 'Supervisors: how your teams kept their promises over the last 7 days',
            fr: [
              'rapport',
              'Responsables : comment vos équipes ont tenu leurs promesses ces 7 derniers jours',
            ],
            lt: ['ataskaita', 'Vadovams: kaip jūsų komandos tesėjo pažadus per paskutines 7 dienas'],
          }),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localize({
            name: COMMAND_NAMES.console,
            description: 'Supervisors: a one-time sign-in link to the web console',
            fr: ['console', 'Responsables : un lien de connexion unique à la console web'],
            lt: ['konsolė', 'Vadovams: vienkartinė prisijungimo prie žiniatinklio konsolės nuoroda'],
          }),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localize({
            name: COMMAND_NAMES.away,
            description: 'Staff: mark yourself away; new cases go to others',
            fr: ['absent', 'Équipe : vous marquer absent ; les nouvelles demandes vont à d’autres'],
            lt: ['išvykstu', 'Komandai: pažymėti, kad išvykote; nauji prašymai skiriami kitiems'],
          }),
          options: [
            {
              type: ApplicationCommandOptionType.String,
              ...localize({
                name: 'until',
                description: 'When you are back: 17:00, 2026-12-24 or tomorrow (your time zone)',
                fr: ['jusqua', 'Votre retour : 17:00, 2026-12-24 ou demain (votre fuseau horaire)'],
                lt: ['iki', 'Kada grįšite: 17:00, 2026-12-24 arba rytoj (jūsų laiko juosta)'],
              }),
              required: false,
              max_length: UNTIL_MAX,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...localize({
            name: COMMAND_NAMES.back,
            description: 'Staff: you are back; new cases can come to you again',
            fr: ['retour', 'Équipe : vous êtes de retour ; les nouvelles demandes peuvent vous revenir'],
            lt: ['grįžau', 'Komandai: grįžote; nauji prašymai vėl gali būti skiriami jums'],
          }),
        },
      ],
    },
    {
      type: ApplicationCommandType.ChatInput,
      ...localize({
        name: COMMAND_NAMES.panel,
        description: 'Post the "Open a case" panel in this channel',
        fr: ['panneau-assistance', 'Publier le panneau « Ouvrir une demande » dans ce salon'],
        lt: ['pagalbos-skydelis', 'Paskelbti skydelį „Pateikti užklausą“ šiame kanale'],
      }),
      // Hidden from members who cannot manage the server; the adapter checks again on use.
      default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      contexts: [InteractionContextType.Guild],
    },
  ];
}
