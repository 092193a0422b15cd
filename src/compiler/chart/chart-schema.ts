/** The schema of a ```chart block's YAML body. */
import { z } from 'zod';

const colour = z.string().min(1);

export const chartSeriesSchema = z.strictObject({
  name: z.string().min(1),
  values: z.array(z.number().finite().nullable()),
  color: colour.optional(),
  colors: z.array(colour).optional(),
});

export const chartSchema = z.strictObject({
  type: z.enum(['bar', 'line', 'doughnut', 'pie']),
  title: z.string().min(1),
  unit: z.string().optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  horizontal: z.boolean().optional(),
  stacked: z.boolean().optional(),
  labels: z.array(z.union([z.string(), z.number()]).transform(String)),
  series: z.array(chartSeriesSchema),
  highlight: z.union([z.string(), z.number().int().min(0)]).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  source: z.string().min(1),
  note: z.string().optional(),
  height: z.number().int().min(120).max(1200).optional(),
});

export type ChartInput = z.infer<typeof chartSchema>;
