import { z } from 'zod';

export const bottom = z.string().parse('bottom');
