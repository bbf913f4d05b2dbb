import { registerDecorator, type ValidationOptions } from 'class-validator';
import { passwordProblem } from '@mend/server-passwords';

/** The password rules of SECURITY.md as a body-field check, with the rule's own message. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? (passwordProblem(args.value) ?? 'password is not allowed')
            : 'password must be text',
      },
    });
  };
}
