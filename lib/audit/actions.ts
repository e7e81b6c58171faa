export * from '@/lib/domain/audit';
