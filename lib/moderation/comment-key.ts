export * from '@/lib/domain/comment-key';
