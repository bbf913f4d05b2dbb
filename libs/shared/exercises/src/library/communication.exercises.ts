import type { ExerciseTemplateInput } from '../exercise-template';

/** Communication habits and listening: the everyday skills the rest of the work leans on. */
export const COMMUNICATION_EXERCISES: ExerciseTemplateInput[] = [
  {
    key: 'daily-check-in',
    title: 'Daily check-in',
    theme: 'communication',
    summary: 'A two-minute pulse on how each of you is doing today, and one thing that would help.',
    whyItHelps:
      'Short, regular check-ins mean you spend less time guessing about each other. They make it normal to say how you really are before small things pile up.',
    instructions:
      'Pick a quiet moment, ideally around the same time each day.\n\nAnswer honestly rather than politely. A low number is useful to know, not a failure. Keep it short: this is a quick pulse, not a talk about the whole relationship.',
    estimatedMinutes: 3,
    completionModes: ['each'],
    visibilityOptions: ['partner', 'therapist', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'mood',
          kind: 'scale',
          label: 'How are you feeling today, overall?',
          lowLabel: 'Really struggling',
          highLabel: 'Really good',
          required: true,
        },
        {
          id: 'connection',
          kind: 'scale',
          label: 'How connected did you feel to your partner today?',
          lowLabel: 'Far apart',
          highLabel: 'Very close',
          required: true,
        },
        {
          id: 'feelings',
          kind: 'multiple_choice',
          label: 'Which words fit your day? Pick up to three.',
          required: false,
          maxSelections: 3,
          options: [
            { value: 'calm', label: 'Calm' },
            { value: 'hopeful', label: 'Hopeful' },
            { value: 'grateful', label: 'Grateful' },
            { value: 'close', label: 'Close to my partner' },
            { value: 'tired', label: 'Tired' },
            { value: 'anxious', label: 'Anxious' },
            { value: 'hurt', label: 'Hurt' },
            { value: 'irritated', label: 'Irritated' },
            { value: 'lonely', label: 'Lonely' },
          ],
        },
        {
          id: 'one_thing',
          kind: 'short_text',
          label: 'One thing your partner could do tomorrow that would help',
          help: 'Something small and doable, like "text me at lunch" or "ask about my meeting".',
          required: false,
          maxLength: 200,
        },
      ],
    },
  },
  {
    key: 'speaking-from-i',
    title: 'Say it from your side',
    theme: 'communication',
    summary:
      'Turn a complaint into a clear message about what you felt and what you need, without blame.',
    whyItHelps:
      'When we describe our own feelings instead of judging the other person, they can hear us without bracing for a fight. It also helps you get clear on what you actually need.',
    instructions:
      'Think of a recent moment that bothered you. First write down only what happened, the way a camera would have recorded it.\n\nThen name what you felt, and put it together as: "I felt … when … because … What I would like is …". Leave out words like "always" and "never", and anything about what your partner is like as a person.',
    estimatedMinutes: 10,
    completionModes: ['each', 'one'],
    visibilityOptions: ['therapist', 'partner'],
    defaultVisibility: 'therapist',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'what_happened',
          kind: 'short_text',
          label: 'What happened, just the facts?',
          required: true,
          maxLength: 300,
        },
        {
          id: 'feelings',
          kind: 'multiple_choice',
          label: 'What did you feel? Choose one to three.',
          required: true,
          minSelections: 1,
          maxSelections: 3,
          options: [
            { value: 'hurt', label: 'Hurt' },
            { value: 'scared', label: 'Scared' },
            { value: 'sad', label: 'Sad' },
            { value: 'angry', label: 'Angry' },
            { value: 'embarrassed', label: 'Embarrassed' },
            { value: 'lonely', label: 'Lonely' },
            { value: 'disappointed', label: 'Disappointed' },
            { value: 'overwhelmed', label: 'Overwhelmed' },
          ],
        },
        {
          id: 'message',
          kind: 'long_text',
          label: 'Now write it as: "I felt … when … because … What I would like is …"',
          required: true,
          minLength: 40,
          maxLength: 1500,
        },
        {
          id: 'difficulty',
          kind: 'scale',
          label: 'How hard was it to write this without blaming?',
          lowLabel: 'Easy',
          highLabel: 'Very hard',
          required: false,
        },
      ],
    },
  },
  {
    key: 'weekly-couple-meeting',
    title: 'Weekly couple meeting',
    theme: 'communication',
    summary:
      'A short, planned talk each week: thanks first, then practical things, then one issue at most.',
    whyItHelps:
      'Having a set time to talk means hard topics do not ambush you in the kitchen at 11pm. Starting with appreciation keeps the meeting from becoming a list of complaints.',
    instructions:
      'Sit down together for about 30 minutes. Start by each naming something you appreciated this week. Then sort out practical things such as calendars and chores.\n\nIf there is an issue to discuss, choose only one, and stop after 15 minutes even if it is not settled. One of you fills in this form at the end, and the other confirms it.',
    estimatedMinutes: 30,
    completionModes: ['joint'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'appreciations',
          kind: 'long_text',
          label: 'What did each of you appreciate about the other this week?',
          required: true,
          maxLength: 2000,
        },
        {
          id: 'practical',
          kind: 'checklist',
          label: 'Which practical topics did you cover?',
          required: false,
          options: [
            { value: 'calendar', label: 'The week ahead' },
            { value: 'money', label: 'Money' },
            { value: 'household', label: 'Household jobs' },
            { value: 'family', label: 'Children or family' },
            { value: 'health', label: 'Health' },
            { value: 'fun', label: 'Something fun to look forward to' },
          ],
        },
        {
          id: 'issue',
          kind: 'short_text',
          label: 'The one issue you talked about (if any)',
          required: false,
          maxLength: 200,
        },
        {
          id: 'how_it_went',
          kind: 'single_choice',
          label: 'How did the meeting go?',
          required: true,
          options: [
            { value: 'agreed', label: 'We agreed on a next step' },
            { value: 'progress', label: 'We made some progress' },
            { value: 'paused', label: 'We paused and will come back to it' },
            { value: 'stuck', label: 'We got stuck and would like help in session' },
          ],
        },
        {
          id: 'next_meeting',
          kind: 'date',
          label: 'When will you meet next?',
          required: false,
        },
      ],
    },
  },
  {
    key: 'reflect-back-listening',
    title: 'Listen and reflect back',
    theme: 'listening',
    summary:
      'Take turns: one shares, the other listens without interrupting and then says back what they heard.',
    whyItHelps:
      'Feeling understood calms things down faster than being agreed with. Saying back what you heard shows you were really listening and catches misunderstandings early.',
    instructions:
      'Decide who shares first. The sharer talks for about five minutes about something that matters to them. Start with something that is not about the relationship.\n\nThe listener stays quiet, then sums up what they heard in their own words and asks: "Did I get that right? Is there more?" The sharer corrects anything that was missed. Then swap. Afterwards, each of you answers the questions below on your own.',
    estimatedMinutes: 20,
    completionModes: ['each'],
    visibilityOptions: ['partner', 'therapist', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'topic',
          kind: 'short_text',
          label: 'What did you talk about when it was your turn to share?',
          required: true,
          maxLength: 200,
        },
        {
          id: 'felt_understood',
          kind: 'scale',
          label: "How well did your partner's summary match what you meant?",
          lowLabel: 'Missed it',
          highLabel: 'Spot on',
          required: true,
        },
        {
          id: 'hardest_part',
          kind: 'single_choice',
          label: 'When you were the listener, what was hardest?',
          required: false,
          options: [
            { value: 'not_interrupting', label: 'Not interrupting' },
            { value: 'not_defending', label: 'Not defending myself' },
            { value: 'remembering', label: 'Remembering what was said' },
            { value: 'staying_calm', label: 'Staying calm' },
            { value: 'nothing', label: 'Nothing felt hard' },
          ],
        },
        {
          id: 'learned',
          kind: 'long_text',
          label: 'Something you understood about your partner that you had not before',
          required: false,
          maxLength: 2000,
        },
      ],
    },
  },
  {
    key: 'listening-without-fixing',
    title: 'Listening without fixing',
    theme: 'listening',
    summary:
      'When your partner shares something painful, hold back advice and defence, and ask what they need.',
    whyItHelps:
      'Jumping to solutions or explanations can feel like being brushed aside, even when it is meant kindly. Asking what your partner needs lets them feel accompanied rather than managed.',
    instructions:
      'Next time your partner brings up something hard, notice the urge to fix it, explain, or defend. Let it pass.\n\nAsk: "Do you want me to just listen, to comfort you, or to help think it through?" and follow their answer. Fill this in afterwards.',
    estimatedMinutes: 10,
    completionModes: ['each', 'one'],
    visibilityOptions: ['therapist', 'partner'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'urges',
          kind: 'multiple_choice',
          label: 'While you listened, what did you feel pulled to do?',
          required: false,
          options: [
            { value: 'fix', label: 'Offer a solution' },
            { value: 'defend', label: 'Defend myself' },
            { value: 'minimise', label: 'Make it seem smaller than it is' },
            { value: 'change_subject', label: 'Change the subject' },
            { value: 'agree_quickly', label: 'Agree just to end the conversation' },
          ],
        },
        {
          id: 'asked_what_they_need',
          kind: 'yes_no',
          label: 'Did you ask what kind of support your partner wanted?',
          required: true,
        },
        {
          id: 'what_helped',
          kind: 'long_text',
          label: 'What seemed to help your partner most?',
          required: false,
          maxLength: 1500,
        },
      ],
    },
  },
];
