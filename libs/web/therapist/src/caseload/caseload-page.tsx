import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Title,
  useCreatePath,
  useLocaleState,
  useTranslate,
  LinkBase,
  useNavigate,
} from 'react-admin';
import { listQuery } from '@mend/web-auth';

import { useApi } from '../common/api';
import { formatRelative, percent } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import type { CaseloadRow } from '../records';
import { AttentionChips } from './attention-chips';
import { CompletionSparkline } from './sparkline';

const AddCoupleButton = ({ variant = 'outlined' }: { variant?: 'outlined' | 'contained' }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Button
      component={LinkBase}
      to={createPath({ resource: 'couples', type: 'create' })}
      variant={variant}
      startIcon={<PersonAddAlt1Outlined />}
    >
      {translate('therapist.couples.add')}
    </Button>
  );
};

/**
 * The therapist's home: every couple on their caseload, in the order the API ranks need of
 * attention (urgent alerts, open alerts, missed streaks, one-sided work, quiet couples).
 */
export const CaseloadPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const { data, error, isPending, reload } = useApi<CaseloadRow[]>(
    `/caseload?${listQuery({ filter: {}, range: [0, 99] })}`,
  );

  const showPath = (id: string) => createPath({ resource: 'couples', id, type: 'show' });

  return (
    <Box component="section" sx={{ mt: 2 }}>
      <Title title={translate('therapist.caseload.title')} />
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          mb: 2,
          gap: 2,
        }}
      >
        <Box>
          <Typography component="h1" variant="h5">
            {translate('therapist.caseload.heading')}
          </Typography>
          <Typography color="text.secondary" variant="body2">
            {translate('therapist.caseload.subheading')}
          </Typography>
        </Box>
        {data && data.length > 0 && <AddCoupleButton />}
      </Box>
      {isPending && data === undefined && (
        <Loading label={translate('therapist.caseload.loading')} />
      )}
      {error !== null && data === undefined && <ErrorState onRetry={reload} />}
      {data && data.length === 0 && (
        <Card>
          <EmptyState
            heading={translate('therapist.caseload.empty_heading')}
            body={translate('therapist.caseload.empty_body')}
            action={<AddCoupleButton variant="contained" />}
          />
        </Card>
      )}
      {data && data.length > 0 && (
        <TableContainer component={Card}>
          <Table aria-label={translate('therapist.caseload.heading')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('therapist.caseload.col_couple')}</TableCell>
                <TableCell>{translate('therapist.caseload.col_attention')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {translate('therapist.caseload.col_completion')}
                </TableCell>
                <TableCell>{translate('therapist.caseload.col_trend')}</TableCell>
                <TableCell>{translate('therapist.caseload.col_activity')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((row) => (
                <TableRow
                  key={row.id}
                  hover
                  data-testid="caseload-row"
                  onClick={() => navigate(showPath(row.id))}
                  sx={{
                    cursor: 'pointer',
                    ...(row.urgentAlerts > 0 && {
                      boxShadow: (theme) => `inset 4px 0 0 ${theme.palette.error.main}`,
                    }),
                  }}
                >
                  <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                    <Link
                      component={LinkBase}
                      to={showPath(row.id)}
                      onClick={(event: React.MouseEvent) => event.stopPropagation()}
                      sx={{ fontWeight: 600 }}
                    >
                      {row.label}
                    </Link>
                    {row.status !== 'active' && (
                      <Typography variant="body2" color="text.secondary">
                        {translate(`therapist.couple_status.${row.status}`)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <AttentionChips row={row} />
                  </TableCell>
                  <TableCell align="right">{percent(row.completion30, locale)}</TableCell>
                  <TableCell>
                    <CompletionSparkline weekly={row.weekly} />
                  </TableCell>
                  <TableCell>
                    {formatRelative(row.lastActivityAt, locale) ??
                      translate('therapist.caseload.no_activity')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
};
