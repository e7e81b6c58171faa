export { operatorGroupOf } from '@/lib/domain/operator-group';
