export * from '@/lib/domain/audit-chain';
