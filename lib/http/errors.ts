// AppError lives in lib/domain (lib/db throws it too); route code keeps importing it from here.
export { AppError, ERROR_STATUS, isAppError, type ErrorCode, type ErrorIssue } from '@/lib/domain/errors';
