import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AnswerValue, Prompt } from '@mend/shared-exercises';
import { useTranslate } from 'react-admin';

import type { ExerciseResponse, StoredAnswer } from '../api/client-api';
import { VisibilityChip } from './visibility';

function isShown(answer: ExerciseResponse['answers'][string] | undefined): answer is StoredAnswer {
  return answer !== undefined && 'value' in answer;
}

/** An answer in words: option labels rather than stored values, "Yes" rather than true. */
export function useAnswerText() {
  const translate = useTranslate();
  return (prompt: Prompt, value: AnswerValue): string => {
    switch (prompt.kind) {
      case 'yes_no':
        return translate(value === true ? 'mend.client.exercise.yes' : 'mend.client.exercise.no');
      case 'single_choice':
        return prompt.options.find((option) => option.value === value)?.label ?? String(value);
      case 'multiple_choice':
      case 'checklist':
        return (Array.isArray(value) ? value : [String(value)])
          .map((item) => prompt.options.find((option) => option.value === item)?.label ?? item)
          .join(', ');
      case 'scale':
        return translate('mend.client.exercise.scale_answer', { value: String(value) });
      case 'date':
      case 'long_text':
      case 'short_text':
        return String(value);
    }
  };
}

/**
 * The answers of one response that the reader may see, in form order. A partner receives only
 * shared answers from the API; nothing here hints that others exist.
 */
export const AnswerList = ({
  prompts,
  response,
  partnerName,
  showVisibility,
}: {
  prompts: Prompt[];
  response: ExerciseResponse;
  partnerName: string;
  showVisibility: boolean;
}) => {
  const text = useAnswerText();
  const shown = prompts.filter((prompt) => isShown(response.answers[prompt.id]));
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {shown.map((prompt) => {
        const answer = response.answers[prompt.id];
        if (!isShown(answer)) return null;
        return (
          <Box key={prompt.id} sx={{ mb: 2 }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {prompt.label}
            </Typography>
            <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-line' }}>
              {text(prompt, answer.value)}
              {showVisibility && (
                <>
                  <br />
                  <VisibilityChip visibility={answer.visibility} partnerName={partnerName} />
                </>
              )}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
};

export const hasShownAnswers = (response: ExerciseResponse) =>
  Object.values(response.answers).some(isShown);
