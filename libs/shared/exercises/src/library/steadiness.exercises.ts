import type { ExerciseTemplateInput } from '../exercise-template';

/** Patience, consistency and promises: trust comes back through repeated, visible reliability. */
export const STEADINESS_EXERCISES: ExerciseTemplateInput[] = [
  {
    key: 'pacing-the-healing',
    title: 'Healing at its own pace',
    theme: 'patience',
    summary: 'Check how the pace of repair feels to each of you, and where you feel rushed.',
    whyItHelps:
      'Partners often heal at different speeds, and that gap can itself cause hurt. Saying how the pace feels helps you slow down or speed up together instead of pulling against each other.',
    instructions:
      'Answer on your own, honestly. Feeling that things are too slow or too fast is not a criticism of your partner; it is information for both of you and your therapist.',
    estimatedMinutes: 8,
    completionModes: ['each'],
    visibilityOptions: ['therapist', 'partner', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'pace',
          kind: 'single_choice',
          label: 'How does the pace of repair feel to you right now?',
          required: true,
          options: [
            { value: 'too_slow', label: 'Too slow' },
            { value: 'about_right', label: 'About right' },
            { value: 'too_fast', label: 'Too fast' },
            { value: 'unsure', label: 'I am not sure' },
          ],
        },
        {
          id: 'pressure_points',
          kind: 'multiple_choice',
          label: 'Where do you feel rushed or held back?',
          required: false,
          options: [
            { value: 'talking', label: 'How often we talk about what happened' },
            { value: 'affection', label: 'Affection' },
            { value: 'intimacy', label: 'Physical intimacy' },
            { value: 'telling_others', label: 'Telling family or friends' },
            { value: 'future_plans', label: 'Making plans for the future' },
            { value: 'being_checked', label: 'Being checked on' },
          ],
        },
        {
          id: 'what_steadies_me',
          kind: 'short_text',
          label: 'One thing that helps you stay patient on hard days',
          required: false,
          maxLength: 300,
        },
        {
          id: 'hope',
          kind: 'scale',
          label: 'How hopeful do you feel about where you are heading?',
          lowLabel: 'Not hopeful',
          highLabel: 'Very hopeful',
          required: true,
        },
      ],
    },
  },
  {
    key: 'when-the-hurt-returns',
    title: 'When the hurt comes back',
    theme: 'patience',
    summary: 'Record a moment when old pain flared up, what set it off, and what helped.',
    whyItHelps:
      'Setbacks are a normal part of repair, not proof that nothing has changed. Writing them down helps you spot patterns and recover a little faster each time.',
    instructions:
      'Fill this in when a painful memory or feeling comes back strongly, once you have calmed down a little. You can be the partner who was hurt or the one who caused the hurt: both of you can feel the wave.',
    estimatedMinutes: 8,
    completionModes: ['each', 'one'],
    visibilityOptions: ['therapist', 'partner'],
    defaultVisibility: 'therapist',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'when',
          kind: 'date',
          label: 'When did it happen?',
          required: true,
        },
        {
          id: 'trigger',
          kind: 'short_text',
          label: 'What set it off?',
          help: 'A place, a song, a date, a tone of voice, a late reply.',
          required: true,
          maxLength: 300,
        },
        {
          id: 'intensity',
          kind: 'scale',
          label: 'How strong was the feeling?',
          lowLabel: 'Mild',
          highLabel: 'Overwhelming',
          required: true,
        },
        {
          id: 'what_happened_next',
          kind: 'single_choice',
          label: 'What happened next between you?',
          required: false,
          options: [
            { value: 'talked', label: 'We talked it through' },
            { value: 'space', label: 'One of us took some space, then came back' },
            { value: 'argued', label: 'We argued' },
            { value: 'avoided', label: 'We avoided it' },
          ],
        },
        {
          id: 'what_helped',
          kind: 'checklist',
          label: 'What helped you steady yourself?',
          required: false,
          options: [
            { value: 'breathing', label: 'Slow breathing' },
            { value: 'walk', label: 'Going for a walk' },
            { value: 'friend', label: 'Talking to a friend' },
            { value: 'writing', label: 'Writing it down' },
            { value: 'time_alone', label: 'Time alone' },
            { value: 'reassurance', label: 'Asking my partner for reassurance' },
          ],
        },
      ],
    },
  },
  {
    key: 'consistent-actions-log',
    title: 'Doing what I said, day by day',
    theme: 'consistency',
    summary: 'A short daily log of the everyday actions you agreed on to rebuild trust.',
    whyItHelps:
      'Trust returns through many small, reliable actions, far more than through big promises. Keeping track helps you stay steady and gives your partner something concrete to see.',
    instructions:
      'At the end of each day, tick what you actually did. Only tick what is true: an honest gap is far better than a perfect-looking log.\n\nIf an action on the list does not fit your agreement, leave it unticked and mention it in session.',
    estimatedMinutes: 3,
    completionModes: ['one', 'each'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'actions',
          kind: 'checklist',
          label: 'Which of your agreed actions did you do today?',
          required: false,
          options: [
            { value: 'on_time', label: 'Came home or called when I said I would' },
            { value: 'shared_plans', label: 'Shared my plans without being asked' },
            { value: 'answered_openly', label: 'Answered questions openly and calmly' },
            { value: 'followed_through', label: 'Followed through on a task I had taken on' },
            { value: 'kind_words', label: 'Said something kind and specific' },
          ],
        },
        {
          id: 'hardest',
          kind: 'short_text',
          label: 'Which one was hardest today, and why?',
          required: false,
          maxLength: 300,
        },
        {
          id: 'steadiness',
          kind: 'scale',
          label: 'How consistent do you feel you were today?',
          lowLabel: 'Not at all',
          highLabel: 'Completely',
          required: true,
        },
      ],
    },
  },
  {
    key: 'weekly-consistency-review',
    title: 'How steady did this week feel?',
    theme: 'consistency',
    summary: 'Each of you looks back on the week: did words and actions match?',
    whyItHelps:
      'Looking at a whole week smooths out the single good or bad day. It also gives the partner who is working on consistency fair, specific feedback.',
    instructions:
      'Think about the past seven days as a whole. Try to name specific moments rather than general impressions.',
    estimatedMinutes: 7,
    completionModes: ['each'],
    visibilityOptions: ['partner', 'therapist', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'reliable_moment',
          kind: 'long_text',
          label: 'Something from this week that felt reliable',
          required: false,
          maxLength: 1500,
        },
        {
          id: 'consistency',
          kind: 'scale',
          label: 'How consistent did the week feel overall?',
          lowLabel: 'Up and down',
          highLabel: 'Very steady',
          required: true,
        },
        {
          id: 'words_and_actions',
          kind: 'single_choice',
          label: 'Did words and actions match?',
          required: true,
          options: [
            { value: 'mostly', label: 'Mostly' },
            { value: 'sometimes', label: 'Sometimes' },
            { value: 'rarely', label: 'Rarely' },
            { value: 'not_sure', label: 'I am not sure' },
          ],
        },
        {
          id: 'next_week',
          kind: 'short_text',
          label: 'One small thing that would make next week feel steadier',
          required: false,
          maxLength: 300,
        },
      ],
    },
  },
  {
    key: 'a-promise-to-keep',
    title: 'A promise I can keep',
    theme: 'promises',
    summary: 'Make one small, concrete promise that your partner will be able to see you keep.',
    whyItHelps:
      'A kept promise is evidence, and evidence is what a hurt partner needs. Starting small means you can keep it, which matters far more than making it impressive.',
    instructions:
      'Choose something specific, within your control, and visible to your partner, such as "I will text when I leave work every day this week".\n\nIf your confidence is below 7, make the promise smaller. Your partner will later be asked whether it was kept.',
    estimatedMinutes: 10,
    completionModes: ['one', 'each'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'promise',
          kind: 'short_text',
          label: 'My promise, in one sentence',
          required: true,
          minLength: 10,
          maxLength: 200,
        },
        {
          id: 'start',
          kind: 'date',
          label: 'Starting when, or done by when?',
          required: true,
        },
        {
          id: 'rhythm',
          kind: 'single_choice',
          label: 'Is this a one-off promise or an ongoing one?',
          required: true,
          options: [
            { value: 'once', label: 'One-off' },
            { value: 'daily', label: 'Every day' },
            { value: 'weekly', label: 'Every week' },
          ],
        },
        {
          id: 'promise_check',
          kind: 'checklist',
          label: 'Check your promise. It is:',
          help: 'All four need to be true. If one is not, reshape the promise until it is.',
          required: true,
          minSelections: 4,
          options: [
            { value: 'specific', label: 'Specific' },
            { value: 'in_my_control', label: 'Within my control' },
            { value: 'visible', label: 'Something my partner can see me keep' },
            { value: 'realistic', label: 'Realistic for me right now' },
          ],
        },
        {
          id: 'confidence',
          kind: 'scale',
          label: 'How sure am I that I can keep this?',
          lowLabel: 'Not sure at all',
          highLabel: 'Completely sure',
          required: true,
        },
      ],
    },
  },
  {
    key: 'promise-follow-up',
    title: 'Was the promise kept?',
    theme: 'promises',
    summary: 'The partner who received a promise says whether it was kept, and how that felt.',
    whyItHelps:
      'Confirming a kept promise turns it into a shared memory of reliability. Saying honestly when one was not kept keeps the whole process real.',
    instructions:
      'Look back at the promise your partner made. Answer based on what you actually saw, not on how you feel about everything else.',
    estimatedMinutes: 5,
    completionModes: ['one'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'kept',
          kind: 'single_choice',
          label: 'Was the promise kept?',
          required: true,
          options: [
            { value: 'kept', label: 'Yes, it was kept' },
            { value: 'partly', label: 'Partly' },
            { value: 'not_kept', label: 'No' },
            { value: 'too_early', label: 'Too early to tell' },
          ],
        },
        {
          id: 'what_i_noticed',
          kind: 'long_text',
          label: 'What did you notice?',
          required: false,
          maxLength: 1500,
        },
        {
          id: 'told_partner',
          kind: 'yes_no',
          label: 'Have you told your partner what you noticed?',
          required: true,
        },
      ],
    },
  },
];
