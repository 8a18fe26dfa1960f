/** `GET /api/imports/{id}`: the job's status and live progress. */
export const importJobPath = (jobId: string) => `/api/imports/${encodeURIComponent(jobId)}`;
