/** Compression choices for `borg create`. Pure data: imports only zod. */
import { z } from 'zod';

/** Compression choices shown in the backup dialog; passed to `borg create --compression`. */
export const compressionSchema = z.enum(['lz4', 'zstd,3', 'zstd,10', 'zlib,6', 'lzma,6', 'none']);
export type Compression = z.infer<typeof compressionSchema>;
