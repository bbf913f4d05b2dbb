import type { ExerciseTemplateInput } from '../exercise-template';

/** Time together and shared experiences: rebuilding the good parts, not only repairing the bad. */
export const TIME_TOGETHER_EXERCISES: ExerciseTemplateInput[] = [
  {
    key: 'planned-uninterrupted-time',
    title: 'Time that is just for the two of you',
    theme: 'time_together',
    summary: 'Plan at least 30 minutes together with phones away, no screens and no chores.',
    whyItHelps:
      'Trust grows in ordinary, relaxed moments as well as in serious talks. Protecting a little time from distractions tells your partner they matter more than whatever else is waiting.',
    instructions:
      'Agree on a time and something simple to do: a walk, cooking together, a board game, tea on the balcony. Put both phones in another room.\n\nThis is not the time to discuss what went wrong. If it comes up, agree to save it for your next couple meeting or session. Afterwards, fill in the form.',
    estimatedMinutes: 45,
    completionModes: ['each', 'joint'],
    visibilityOptions: ['partner', 'therapist', 'reveal_after_both'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'when',
          kind: 'date',
          label: 'When did you have this time together?',
          required: true,
        },
        {
          id: 'activity',
          kind: 'short_text',
          label: 'What did you do?',
          required: true,
          maxLength: 200,
        },
        {
          id: 'phones_away',
          kind: 'yes_no',
          label: 'Did the phones stay away the whole time?',
          required: true,
        },
        {
          id: 'closeness',
          kind: 'scale',
          label: 'How close did you feel during this time?',
          lowLabel: 'Distant',
          highLabel: 'Very close',
          required: true,
        },
        {
          id: 'moment',
          kind: 'long_text',
          label: 'A moment you would like to remember',
          required: false,
          maxLength: 1500,
        },
      ],
    },
  },
  {
    key: 'small-moments-of-connection',
    title: 'Small moments of connection',
    theme: 'time_together',
    summary: 'Notice and offer the small everyday gestures that say "I see you".',
    whyItHelps:
      'Big gestures are rare, but small ones happen every day and add up. Noticing them also trains your eye to see effort, not only mistakes.',
    instructions:
      'At the end of the day, tick the small things you did for your partner today. There is no target: one genuine gesture is worth more than five done for the form.\n\nThen notice whether your partner reached out to you in any small way.',
    estimatedMinutes: 3,
    completionModes: ['each', 'one'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'gestures',
          kind: 'checklist',
          label: 'What did you do for your partner today?',
          required: false,
          options: [
            { value: 'warm_greeting', label: 'Greeted them warmly' },
            { value: 'asked_about_day', label: 'Asked about their day and listened' },
            { value: 'kind_message', label: 'Sent a kind message' },
            { value: 'affection', label: 'Offered a hug or touch' },
            { value: 'thanks', label: 'Thanked them for something specific' },
            { value: 'laughed', label: 'Shared something funny' },
          ],
        },
        {
          id: 'noticed_partner',
          kind: 'yes_no',
          label: 'Did you notice your partner reaching out to you today?',
          required: true,
        },
        {
          id: 'note',
          kind: 'short_text',
          label: 'Anything you would like to mention?',
          required: false,
          maxLength: 300,
        },
      ],
    },
  },
  {
    key: 'plan-a-shared-adventure',
    title: 'Plan something new together',
    theme: 'shared_activity',
    summary: 'Choose a trip or a new hobby that neither of you has tried, and plan it together.',
    whyItHelps:
      'Doing something new side by side creates fresh memories that are not tied to the hurt. Planning it together is also practice in making decisions as a team.',
    instructions:
      'Brainstorm a few ideas each, then pick one together. It can be a day trip, a weekend away, a class, or a hobby you start at home. Choose something that fits your budget and energy right now.\n\nOne of you fills in the plan and the other confirms it. After you have done it, use "Looking back on your adventure" to reflect.',
    estimatedMinutes: 30,
    completionModes: ['joint'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'kind',
          kind: 'single_choice',
          label: 'What kind of adventure is it?',
          required: true,
          options: [
            { value: 'day_trip', label: 'A day trip' },
            { value: 'weekend_away', label: 'A weekend away' },
            { value: 'class', label: 'A class or course' },
            { value: 'hobby', label: 'A new hobby at home' },
            { value: 'volunteering', label: 'Volunteering together' },
            { value: 'other', label: 'Something else' },
          ],
        },
        {
          id: 'idea',
          kind: 'short_text',
          label: 'What exactly will you do?',
          required: true,
          maxLength: 300,
        },
        {
          id: 'date',
          kind: 'date',
          label: 'When will you do it, or start it?',
          required: true,
        },
        {
          id: 'obstacles',
          kind: 'multiple_choice',
          label: 'What might get in the way?',
          required: false,
          options: [
            { value: 'money', label: 'Money' },
            { value: 'time', label: 'Time' },
            { value: 'childcare', label: 'Childcare' },
            { value: 'old_arguments', label: 'Old arguments coming up' },
            { value: 'energy', label: 'Low energy' },
          ],
        },
        {
          id: 'hopes',
          kind: 'long_text',
          label: 'What are each of you hoping to feel or discover?',
          required: false,
          maxLength: 1500,
        },
      ],
    },
  },
  {
    key: 'after-the-adventure',
    title: 'Looking back on your adventure',
    theme: 'shared_activity',
    summary: 'After your trip or new activity, each of you reflects on what it was like.',
    whyItHelps:
      'Looking back helps a good experience sink in instead of being forgotten in the busy week. Hearing what your partner enjoyed tells you what to do more of.',
    instructions:
      'Within a few days of your trip or activity, answer these questions on your own. Be honest if parts of it were hard: that is useful too.',
    estimatedMinutes: 10,
    completionModes: ['each'],
    visibilityOptions: ['partner', 'therapist', 'reveal_after_both'],
    defaultVisibility: 'reveal_after_both',
    requiresTherapistReview: false,
    form: {
      prompts: [
        {
          id: 'enjoyment',
          kind: 'scale',
          label: 'How much did you enjoy it?',
          lowLabel: 'Not at all',
          highLabel: 'Loved it',
          required: true,
        },
        {
          id: 'team_moment',
          kind: 'long_text',
          label: 'The moment you felt most like a team',
          required: false,
          maxLength: 1500,
        },
        {
          id: 'surprise',
          kind: 'short_text',
          label: 'Something that surprised you about your partner',
          required: false,
          maxLength: 300,
        },
        {
          id: 'again',
          kind: 'yes_no',
          label: 'Would you like to do something like this again?',
          required: true,
        },
        {
          id: 'next_idea',
          kind: 'short_text',
          label: 'If so, an idea for next time',
          required: false,
          maxLength: 200,
        },
      ],
    },
  },
];
