import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { InvalidParameterError } from '../../errors/types.js';
import {
  MAX_CUSTOM_NAME_LENGTH,
  STANDARD_ATTRIBUTES,
  type StandardAttributeName,
} from '../validate-attributes.js';

/**
 * How a standard attribute behaves in a new pool.
 *
 * @example
 * ```ts
 * const email: StandardAttributeSchema = { required: true, mutable: true };
 * ```
 */
export interface StandardAttributeSchema {
  /** Users must have it at sign-up (cannot be changed after the pool is created). */
  readonly required?: boolean;
  readonly mutable?: boolean;
}

/**
 * A custom attribute of a new pool (Cognito stores it as `custom:<name>`; custom attributes cannot
 * be required).
 *
 * @example
 * ```ts
 * const plan: CustomAttributeSchema = { type: 'String', maxLength: 16 };
 * const seats: CustomAttributeSchema = { type: 'Number', min: 1, max: 500 };
 * ```
 */
export type CustomAttributeSchema =
  | {
      readonly type: 'String';
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly mutable?: boolean;
      readonly developerOnly?: boolean;
    }
  | {
      readonly type: 'Number';
      readonly min?: number;
      readonly max?: number;
      readonly mutable?: boolean;
      readonly developerOnly?: boolean;
    }
  | { readonly type: 'Boolean' | 'DateTime'; readonly mutable?: boolean; readonly developerOnly?: boolean };

const STANDARD = new Set<string>(STANDARD_ATTRIBUTES);
const STANDARD_TYPES: Partial<Record<StandardAttributeName, 'Boolean' | 'Number'>> = {
  email_verified: 'Boolean',
  phone_number_verified: 'Boolean',
  updated_at: 'Number',
};

type Invalid = Result<never, InvalidParameterError>;
const invalid = (message: string): Invalid => err(makeError('InvalidParameter', message));

/** Whether `value` is absent or a whole number in `[min, max]`. */
export function inRange(value: unknown, min: number, max: number): boolean {
  return (
    value === undefined ||
    (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
  );
}

function standardSchema(
  attributes: Readonly<Partial<Record<StandardAttributeName, StandardAttributeSchema>>> | undefined,
): Result<SchemaAttributeType[], InvalidParameterError> {
  const out: SchemaAttributeType[] = [];
  for (const [name, schema] of Object.entries(attributes ?? {})) {
    if (!STANDARD.has(name)) {
      return invalid(`standardAttributes: ${name} is not a standard attribute (put it in customAttributes)`);
    }
    if (typeof schema !== 'object' || schema === null)
      return invalid(`standardAttributes.${name} must be an object`);
    out.push({
      Name: name,
      AttributeDataType: STANDARD_TYPES[name as StandardAttributeName] ?? 'String',
      ...(schema.mutable !== undefined ? { Mutable: schema.mutable } : {}),
      ...(schema.required !== undefined ? { Required: schema.required } : {}),
    });
  }
  return ok(out);
}

function customSchema(
  attributes: Readonly<Record<string, CustomAttributeSchema>> | undefined,
): Result<SchemaAttributeType[], InvalidParameterError> {
  const out: SchemaAttributeType[] = [];
  for (const [rawName, schema] of Object.entries(attributes ?? {})) {
    const name = rawName.replace(/^custom:/, '');
    if (!/^[^\s:]+$/.test(name) || name.length > MAX_CUSTOM_NAME_LENGTH) {
      return invalid(
        `customAttributes: ${rawName} must be 1-${MAX_CUSTOM_NAME_LENGTH} characters without spaces or ":"`,
      );
    }
    if (typeof schema !== 'object' || schema === null)
      return invalid(`customAttributes.${name} must be an object`);
    const base = {
      Name: name,
      AttributeDataType: schema.type,
      ...(schema.mutable !== undefined ? { Mutable: schema.mutable } : {}),
      ...(schema.developerOnly !== undefined ? { DeveloperOnlyAttribute: schema.developerOnly } : {}),
    };
    if (schema.type === 'String') {
      if (!inRange(schema.minLength, 0, 2048) || !inRange(schema.maxLength, 0, 2048)) {
        return invalid(`customAttributes.${name}: lengths must be whole numbers from 0 to 2048`);
      }
      if ((schema.minLength ?? 0) > (schema.maxLength ?? 2048)) {
        return invalid(`customAttributes.${name}: minLength is above maxLength`);
      }
      const constraints = {
        ...(schema.minLength !== undefined ? { MinLength: String(schema.minLength) } : {}),
        ...(schema.maxLength !== undefined ? { MaxLength: String(schema.maxLength) } : {}),
      };
      out.push({
        ...base,
        ...(Object.keys(constraints).length ? { StringAttributeConstraints: constraints } : {}),
      });
    } else if (schema.type === 'Number') {
      const { min, max } = schema;
      if ((min !== undefined && !Number.isInteger(min)) || (max !== undefined && !Number.isInteger(max))) {
        return invalid(`customAttributes.${name}: min and max must be whole numbers`);
      }
      if (min !== undefined && max !== undefined && min > max) {
        return invalid(`customAttributes.${name}: min is above max`);
      }
      const constraints = {
        ...(min !== undefined ? { MinValue: String(min) } : {}),
        ...(max !== undefined ? { MaxValue: String(max) } : {}),
      };
      out.push({
        ...base,
        ...(Object.keys(constraints).length ? { NumberAttributeConstraints: constraints } : {}),
      });
    } else if (schema.type === 'Boolean' || schema.type === 'DateTime') {
      out.push(base);
    } else {
      return invalid(`customAttributes.${name}: type must be String, Number, Boolean or DateTime`);
    }
  }
  return ok(out);
}

/**
 * Cognito's `Schema` for a new pool from typed standard and custom attributes, checked locally.
 *
 * @example
 * ```ts
 * userPoolSchema({ email: { required: true } }, { plan: { type: 'String', maxLength: 16 } });
 * ```
 */
export function userPoolSchema(
  standard: Readonly<Partial<Record<StandardAttributeName, StandardAttributeSchema>>> | undefined,
  custom: Readonly<Record<string, CustomAttributeSchema>> | undefined,
): Result<SchemaAttributeType[], InvalidParameterError> {
  return standardSchema(standard).andThen((s) => customSchema(custom).map((c) => [...s, ...c]));
}
