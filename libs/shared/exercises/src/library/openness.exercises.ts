import type { ExerciseTemplateInput } from '../exercise-template';

/** Transparency and boundaries: openness that is offered and limited, never imposed. */
export const OPENNESS_EXERCISES: ExerciseTemplateInput[] = [
  {
    key: 'transparency-agreement',
    title: 'A transparency agreement',
    theme: 'transparency',
    summary:
      'Agree together on what openness will look like for a while: what it covers, what it does not, and when it ends.',
    whyItHelps:
      'Clear, time-limited openness can calm the constant guessing that follows a betrayal. Because you agree on it together, it supports trust instead of replacing it with checking.',
    instructions:
      'This is an agreement between two adults, not a surveillance plan. It never includes secret tracking, reading messages without asking, or demanding passwords.\n\nDecide together what will be shared and what stays private, and set an end or review date. The partner rebuilding trust offers openness; the hurt partner says what would actually help. One of you fills in the form and the other must confirm it, so nothing is agreed unless both of you sign off. If either of you feels pressured, stop and bring it to your next session.',
    estimatedMinutes: 30,
    completionModes: ['joint'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'scope',
          kind: 'checklist',
          label: 'What will this agreement cover? Choose only what you both think will help.',
          required: true,
          options: [
            { value: 'plans', label: 'Sharing plans and whereabouts when we are apart' },
            {
              value: 'contact',
              label: 'Telling each other about any contact with the person involved',
            },
            { value: 'money', label: 'Being open about spending' },
            { value: 'messages_on_request', label: 'Showing messages when asked, face to face' },
            { value: 'social_media', label: 'Being open about social media use' },
            { value: 'questions', label: 'Answering questions honestly when asked' },
          ],
        },
        {
          id: 'details',
          kind: 'long_text',
          label: 'In your own words, what exactly are you agreeing to?',
          required: true,
          minLength: 30,
          maxLength: 3000,
        },
        {
          id: 'not_included',
          kind: 'long_text',
          label: 'What does this agreement not allow? What stays private?',
          help: 'For example: no tracking apps, no checking devices without asking, time with friends stays private.',
          required: true,
          minLength: 20,
          maxLength: 3000,
        },
        {
          id: 'end_date',
          kind: 'date',
          label: 'When does this agreement end or come up for review?',
          required: true,
        },
        {
          id: 'freely_agreed',
          kind: 'yes_no',
          label: 'Do both of you agree to this freely, without feeling pressured?',
          required: true,
        },
      ],
    },
  },
  {
    key: 'transparency-check-in',
    title: 'How is our agreement working?',
    theme: 'transparency',
    summary:
      'Each of you reviews the transparency agreement: is it kept, how does it feel, and what next?',
    whyItHelps:
      'An agreement that is never reviewed can quietly turn into a burden or a habit of checking. Reviewing it keeps it fair and helps you ease off as trust grows.',
    instructions:
      "Answer on your own, thinking about the agreement as you both wrote it. You will see each other's answers once both of you have finished.",
    estimatedMinutes: 8,
    completionModes: ['each'],
    visibilityOptions: ['partner', 'therapist', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'kept',
          kind: 'single_choice',
          label: 'As you understand it, has the agreement been kept?',
          required: true,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'mostly', label: 'Mostly' },
            { value: 'no', label: 'No' },
            { value: 'unsure', label: 'I am not sure' },
          ],
        },
        {
          id: 'how_it_feels',
          kind: 'multiple_choice',
          label: 'How does the agreement feel right now?',
          required: false,
          options: [
            { value: 'reassuring', label: 'Reassuring' },
            { value: 'fair', label: 'Fair' },
            { value: 'heavy', label: 'Heavy or tiring' },
            { value: 'watched', label: 'Like being watched' },
            { value: 'still_needed', label: 'Still needed' },
            { value: 'ready_to_ease', label: 'Like we could ease off' },
          ],
        },
        {
          id: 'working',
          kind: 'scale',
          label: 'Overall, how well is it working for you?',
          lowLabel: 'Not at all',
          highLabel: 'Very well',
          required: true,
        },
        {
          id: 'next',
          kind: 'single_choice',
          label: 'What would you like to happen when it ends?',
          required: true,
          options: [
            { value: 'end', label: 'Let it end' },
            { value: 'extend', label: 'Extend it as it is' },
            { value: 'change', label: 'Change it' },
            { value: 'discuss', label: 'Talk it through in session' },
          ],
        },
      ],
    },
  },
  {
    key: 'naming-my-boundaries',
    title: 'Naming my boundaries',
    theme: 'boundaries',
    summary: 'Put one or two of your limits into clear, kind words your partner can respect.',
    whyItHelps:
      'Boundaries tell your partner how to treat you well, so they do not have to guess. Clear limits make closeness feel safer, not more distant.',
    instructions:
      'Choose up to three areas where you need something to be different. For the most important one, write the boundary as "I need …" or "I am not okay with …".\n\nA boundary is about what you will do or need, not a rule about who your partner must be.',
    estimatedMinutes: 15,
    completionModes: ['each'],
    visibilityOptions: ['therapist', 'partner', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'areas',
          kind: 'multiple_choice',
          label: 'Which areas do you want to set a boundary in? Choose up to three.',
          required: true,
          minSelections: 1,
          maxSelections: 3,
          options: [
            { value: 'time_alone', label: 'Time on my own' },
            { value: 'friends_family', label: 'Friends and family' },
            { value: 'intimacy', label: 'Physical intimacy' },
            { value: 'talking_about_it', label: 'When and how we talk about what happened' },
            { value: 'money', label: 'Money' },
            { value: 'privacy', label: 'Personal privacy' },
            { value: 'arguments', label: 'How we argue' },
          ],
        },
        {
          id: 'boundary',
          kind: 'long_text',
          label: 'Write your most important boundary as "I need …" or "I am not okay with …"',
          required: true,
          minLength: 15,
          maxLength: 1500,
        },
        {
          id: 'why',
          kind: 'long_text',
          label: 'Why does this matter to you?',
          required: false,
          maxLength: 1500,
        },
        {
          id: 'respected_now',
          kind: 'scale',
          label: 'How well is this respected today?',
          lowLabel: 'Not at all',
          highLabel: 'Fully',
          required: true,
        },
      ],
    },
  },
  {
    key: 'respecting-a-boundary',
    title: "Respecting my partner's boundary",
    theme: 'boundaries',
    summary: "Say back your partner's boundary in your own words and plan how you will honour it.",
    whyItHelps:
      'Hearing a boundary is not the same as understanding it. Putting it in your own words and choosing one concrete step shows your partner you took it seriously.',
    instructions:
      'Read the boundary your partner shared. If something is unclear, ask about it calmly before you answer. It is fine to find a boundary hard, and saying so honestly is better than agreeing and then not following through.',
    estimatedMinutes: 10,
    completionModes: ['each', 'one'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'in_my_words',
          kind: 'short_text',
          label: "In your own words, what is your partner's boundary?",
          required: true,
          maxLength: 400,
        },
        {
          id: 'understand_why',
          kind: 'yes_no',
          label: 'Do you understand why it matters to them?',
          required: true,
        },
        {
          id: 'how_easy',
          kind: 'single_choice',
          label: 'How easy will it be for you to respect it?',
          required: true,
          options: [
            { value: 'easy', label: 'Easy' },
            { value: 'some_effort', label: 'It will take some effort' },
            { value: 'hard', label: 'Hard' },
            { value: 'need_to_talk', label: 'I need to talk about it first' },
          ],
        },
        {
          id: 'first_step',
          kind: 'short_text',
          label: 'One thing you will do this week to respect it',
          required: true,
          maxLength: 300,
        },
      ],
    },
  },
];
