export * from '@/lib/domain/canonical-json';
