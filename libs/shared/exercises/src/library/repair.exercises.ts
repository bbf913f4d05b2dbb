import type { ExerciseTemplateInput } from '../exercise-template';

/** Responsibility and apology: naming what happened honestly, then saying sorry well. */
export const REPAIR_EXERCISES: ExerciseTemplateInput[] = [
  {
    key: 'owning-my-part',
    title: 'Owning my part, without excuses',
    theme: 'responsibility',
    summary: 'Describe what you did and how it affected your partner, plainly and without "but".',
    whyItHelps:
      'A hurt partner often cannot move forward until they hear the other person name what happened without softening it. Writing it down first helps you find honest words before you say them aloud.',
    instructions:
      'Write about what you did as simply and specifically as you can. Leave out reasons, context and what your partner did. There will be room for those conversations later, with your therapist.\n\nThen read it back and check it for the common ways excuses sneak in. It is normal to find a few; rewriting them is the exercise.',
    estimatedMinutes: 25,
    completionModes: ['one', 'each'],
    visibilityOptions: ['therapist', 'partner'],
    defaultVisibility: 'therapist',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'what_i_did',
          kind: 'long_text',
          label: 'In plain words, what did I do?',
          required: true,
          minLength: 30,
          maxLength: 4000,
        },
        {
          id: 'impact',
          kind: 'long_text',
          label: 'How do I think it affected my partner?',
          help: 'Think about their feelings, their sleep, their sense of safety, and their trust in their own judgement.',
          required: true,
          minLength: 30,
          maxLength: 4000,
        },
        {
          id: 'excuse_check',
          kind: 'checklist',
          label: 'Reading it back, did any of these slip in?',
          required: false,
          options: [
            { value: 'but', label: 'A "but" that shifts the blame' },
            { value: 'minimising', label: 'Words like "only" or "just"' },
            { value: 'partner_did', label: 'Pointing to something my partner did' },
            { value: 'circumstances', label: 'Blaming stress, alcohol or circumstances' },
            { value: 'intentions', label: 'Focusing on what I meant rather than what happened' },
          ],
        },
        {
          id: 'rewrite',
          kind: 'long_text',
          label: 'If you ticked anything, rewrite those sentences without it',
          required: false,
          maxLength: 4000,
        },
        {
          id: 'readiness',
          kind: 'scale',
          label: 'How ready do I feel to say this to my partner out loud?',
          lowLabel: 'Not ready',
          highLabel: 'Ready',
          required: true,
        },
      ],
    },
  },
  {
    key: 'sincere-apology-letter',
    title: 'A sincere apology letter',
    theme: 'apology',
    summary:
      'Write a letter of apology. Your therapist reads it first and releases it to your partner when it is ready.',
    whyItHelps:
      'A thoughtful apology shows your partner that you understand what happened and what it cost them. Your therapist reads it first, so the letter helps rather than reopens the wound.',
    instructions:
      'Write to your partner directly. Say specifically what you did, show that you understand how it hurt, and say what you are doing differently now.\n\nDo not ask for anything in return, including forgiveness, and do not explain why it happened. Take your time and write more than one draft if you need to. Your therapist will read it and may suggest changes before your partner sees it.',
    estimatedMinutes: 45,
    completionModes: ['one'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: true,
    form: {
      prompts: [
        {
          id: 'letter',
          kind: 'long_text',
          label: 'Your letter',
          required: true,
          minLength: 200,
          maxLength: 8000,
        },
        {
          id: 'self_check',
          kind: 'checklist',
          label: 'Tick each statement that is true of your letter',
          help: 'Your therapist can help with any you cannot tick yet.',
          required: false,
          options: [
            { value: 'names_it', label: 'It says specifically what I did' },
            { value: 'impact', label: 'It shows I understand how it hurt' },
            { value: 'no_excuses', label: 'It has no excuses or "buts"' },
            { value: 'no_demands', label: 'It asks for nothing in return, not even forgiveness' },
            { value: 'change', label: 'It says what I am doing differently now' },
          ],
        },
      ],
    },
  },
  {
    key: 'receiving-an-apology',
    title: 'Receiving an apology',
    theme: 'apology',
    summary: 'After reading the apology, note what landed and what still feels missing.',
    whyItHelps:
      'You do not have to forgive on a schedule, and this is not a test of whether you will. Naming what landed and what is missing gives your therapist a clear picture of where to go next.',
    instructions:
      'Read the letter when you have time and privacy, more than once if you like. There is no right reaction: relief, anger, numbness and sadness are all normal.\n\nAnswer only what you feel ready to answer.',
    estimatedMinutes: 15,
    completionModes: ['one'],
    visibilityOptions: ['therapist', 'partner'],
    defaultVisibility: 'therapist',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'sincerity',
          kind: 'scale',
          label: 'How sincere did the apology feel to you?',
          lowLabel: 'Not at all',
          highLabel: 'Completely',
          required: true,
        },
        {
          id: 'landed',
          kind: 'long_text',
          label: 'What in it felt true or meaningful?',
          required: false,
          maxLength: 3000,
        },
        {
          id: 'missing',
          kind: 'long_text',
          label: 'What felt missing, or what do you still need to hear?',
          required: false,
          maxLength: 3000,
        },
        {
          id: 'pressure',
          kind: 'yes_no',
          label: 'Do you feel pressure to forgive before you are ready?',
          required: true,
        },
      ],
    },
  },
];
