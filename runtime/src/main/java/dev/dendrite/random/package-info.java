/** Seedable random generation whose state can be saved and restored exactly. */
package dev.dendrite.random;
