import type { ExerciseTemplateInput } from '../exercise-template';

/** Roots of distrust and individual support: understanding what each partner brings. */
export const UNDERSTANDING_EXERCISES: ExerciseTemplateInput[] = [
  {
    key: 'roots-of-distrust',
    title: 'Where my distrust comes from',
    theme: 'roots_of_distrust',
    summary:
      'Explore how past relationships, your own worries and what is happening now each feed distrust.',
    whyItHelps:
      'Distrust usually has more than one source, and some of it may be older than this relationship. Sorting out the threads helps you and your therapist work on the right thing.',
    instructions:
      'Find some quiet time. Write about each area below as far as you feel comfortable; you can leave optional questions blank.\n\nThis is not about deciding whose fault the distrust is. Both past experience and present behaviour can be real at the same time.',
    estimatedMinutes: 25,
    completionModes: ['each'],
    visibilityOptions: ['therapist', 'partner'],
    defaultVisibility: 'therapist',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'past',
          kind: 'long_text',
          label:
            'What past relationships or family experiences taught you that people are not always trustworthy?',
          required: false,
          maxLength: 4000,
        },
        {
          id: 'worries',
          kind: 'multiple_choice',
          label: 'Which of these worries sound like you?',
          required: false,
          options: [
            { value: 'not_enough', label: 'Fearing I am not enough' },
            { value: 'being_left', label: 'Fearing being left' },
            { value: 'being_fooled', label: 'Fearing being made a fool of' },
            { value: 'losing_control', label: 'Fearing losing control' },
            { value: 'comparing', label: 'Comparing myself with others' },
          ],
        },
        {
          id: 'present',
          kind: 'long_text',
          label: 'What in how you both act now feeds the distrust?',
          required: true,
          minLength: 20,
          maxLength: 4000,
        },
        {
          id: 'past_or_present',
          kind: 'scale',
          label: 'How much of the distrust you feel today comes from the past rather than now?',
          lowLabel: 'Almost all from now',
          highLabel: 'Almost all from the past',
          required: true,
        },
        {
          id: 'discuss_in_session',
          kind: 'yes_no',
          label: 'Would you like to talk about this together in your next session?',
          required: true,
        },
      ],
    },
  },
  {
    key: 'what-trust-looks-like',
    title: 'What trust would look like for me',
    theme: 'roots_of_distrust',
    summary: 'Picture trust restored, and name the small signs that would show it is returning.',
    whyItHelps:
      'It is hard to rebuild something neither of you can describe. Naming concrete signs gives both of you a shared target and a way to notice progress.',
    instructions:
      'Imagine a day about a year from now when you trust each other again. Describe it in everyday detail. Then choose the small signs that would help you believe things are changing.',
    estimatedMinutes: 15,
    completionModes: ['each'],
    visibilityOptions: ['partner', 'therapist', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'picture',
          kind: 'long_text',
          label:
            'A year from now, you trust each other again. What is different in an ordinary day?',
          required: true,
          minLength: 30,
          maxLength: 3000,
        },
        {
          id: 'early_signs',
          kind: 'checklist',
          label: 'Which small signs would help you believe it is changing?',
          required: false,
          options: [
            { value: 'plans_kept', label: 'Plans being kept' },
            { value: 'open_unasked', label: 'Openness without me having to ask' },
            { value: 'honest_answers', label: 'Honest answers to hard questions' },
            { value: 'patience', label: 'Patience when I am still upset' },
            { value: 'initiative', label: 'My partner bringing things up first' },
            { value: 'choosing_time', label: 'Choosing to spend time with me' },
          ],
        },
        {
          id: 'trust_today',
          kind: 'scale',
          label: 'Where would you place your trust today?',
          lowLabel: 'None',
          highLabel: 'Complete',
          required: true,
        },
      ],
    },
  },
  {
    key: 'is-individual-counseling-right-for-me',
    title: 'Is individual counseling right for me?',
    theme: 'individual_counseling',
    summary:
      'A private look at whether sessions of your own could help alongside your couples work.',
    whyItHelps:
      'Some struggles are easier to work through in a space that is just yours. Individual counseling can sit alongside couples work and often makes it go better.',
    instructions:
      'Only your therapist sees these answers. There are no right answers, and choosing individual support is not a sign that the couples work is failing.\n\nIf you are in crisis or thinking about harming yourself, do not wait for a reply here: this form is not watched in real time. Contact your local emergency number or a crisis line now.',
    estimatedMinutes: 10,
    completionModes: ['each', 'one'],
    visibilityOptions: ['therapist'],
    defaultVisibility: 'therapist',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'lately',
          kind: 'checklist',
          label: 'Which of these have been true for you lately?',
          required: false,
          options: [
            { value: 'low_mood', label: 'Feeling low most days' },
            { value: 'worry', label: 'Worry that is hard to switch off' },
            { value: 'sleep_appetite', label: 'Trouble sleeping or eating' },
            { value: 'old_pain', label: 'Old pain from before this relationship coming up' },
            { value: 'patterns', label: 'Patterns in myself I want to understand' },
            { value: 'private_topics', label: 'Things I would like to talk through on my own' },
            { value: 'coping', label: 'Leaning on alcohol or other things to cope' },
          ],
        },
        {
          id: 'daily_impact',
          kind: 'scale',
          label: 'How much is this affecting your daily life?',
          lowLabel: 'Not at all',
          highLabel: 'A great deal',
          required: true,
        },
        {
          id: 'been_before',
          kind: 'yes_no',
          label: 'Have you seen a counselor on your own before?',
          required: true,
        },
        {
          id: 'interest',
          kind: 'single_choice',
          label: 'How do you feel about individual sessions?',
          required: true,
          options: [
            { value: 'want', label: 'I would like to explore it' },
            { value: 'questions', label: 'Maybe, but I have questions' },
            { value: 'not_now', label: 'Not right now' },
            { value: 'unsure', label: 'I am not sure' },
          ],
        },
        {
          id: 'questions',
          kind: 'long_text',
          label: 'Any questions or worries about it?',
          required: false,
          maxLength: 2000,
        },
      ],
    },
  },
];
