import { describe, test, expect } from 'vitest';
import { getShape, getShapeColumn, type ShapeColumn } from '@/lib/simulate/day-shape';
import type { DayType } from '@/lib/calendar/day-type';

function at(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

describe('getShape', () => {
  test.each<[ShapeColumn, string, number]>([
    ['school', '03:00', 0.02],
    ['school', '06:30', 0.02],
    ['school', '07:00', 0.31],
    ['school', '07:30', 1],
    ['school', '08:29', 1],
    ['school', '08:30', 0.5],
    ['school', '12:30', 0.4],
    ['school', '15:00', 0.5],
    ['school', '18:00', 0.7],
    ['school', '22:00', 0.2],
    ['wednesday', '07:45', 1],
    ['wednesday', '12:30', 0.25],
    ['wednesday', '15:00', 0.25],
    ['wednesday', '18:00', 0.7],
    ['saturday', '07:59', 0.02],
    ['saturday', '08:00', 0.15],
    ['saturday', '19:59', 0.15],
    ['saturday', '20:00', 0.1],
    ['saturday', '23:00', 0.1],
    ['sunday', '07:45', 0.02],
    ['sunday', '08:00', 0.1],
    ['sunday', '17:00', 0.3],
    ['sunday', '21:59', 0.3],
    ['sunday', '22:00', 0.1],
  ])('%s at %s is %f', (column, time, expected) => {
    expect(getShape(column, at(time))).toBeCloseTo(expected, 6);
  });
});

describe('getShapeColumn', () => {
  test.each<[DayType, ShapeColumn]>([
    ['school', 'school'],
    ['wednesday', 'wednesday'],
    ['saturday', 'saturday'],
    ['sunday', 'sunday'],
    ['public_holiday', 'sunday'],
    ['school_holiday', 'saturday'],
  ])('maps %s to the %s column', (dayType, column) => {
    expect(getShapeColumn(dayType)).toBe(column);
  });
});
