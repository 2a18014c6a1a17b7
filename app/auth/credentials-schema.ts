import { z } from "zod";

/** Shared by sign-up, log-in and the account page, so every form words the rules alike. */
export const EmailSchema = z
  .string({ required_error: "Enter your e-mail address." })
  .trim()
  .max(254, "That e-mail address is too long.")
  .email("Enter an e-mail address like name@example.com.");

export const NewPasswordSchema = z
  .string({ required_error: "Choose a password." })
  .min(10, "Use at least 10 characters.")
  .max(256, "Use at most 256 characters.");

export const CurrentPasswordSchema = z.string({ required_error: "Enter your password." }).max(256, "That password is too long.");
