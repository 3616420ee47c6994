//! Library objects (spec §4.1): opaque values made by the standard library, such as
//! `HttpResponse`, `ArgParser` and `ParsedArgs`. Each belongs to a [`LibraryClass`] that
//! declares its methods like any other native (`natives::NativeDecl`), so argument
//! checking, `help`, `methods()` and the profiler's names (`HttpResponse.status`) come
//! from the one declaration.
//!
//! A library object's data is Rust data, not ML values that could refer back to it, so
//! library objects never take part in reference cycles and need no cycle collection.

use std::any::Any;
use std::rc::Rc;

use crate::heap;
use crate::natives::NativeDecl;
use crate::value::Value;

/// A class of library objects: its name (`typeof` is `"object"`, `isinstance(v, NAME)` is
/// true), its methods and its read-only properties (`pattern.pattern`, spec §5.11).
pub struct LibraryClass {
    pub name: &'static str,
    /// One line for `help`.
    pub doc: &'static str,
    pub methods: &'static [NativeDecl],
    pub properties: &'static [LibraryProperty],
}

/// A read-only property of a library class: `obj.name` is `get(obj)`.
pub struct LibraryProperty {
    pub name: &'static str,
    /// One line for `help`.
    pub doc: &'static str,
    pub get: fn(&LibraryObject) -> Value,
}

impl LibraryClass {
    pub fn method(&self, name: &str) -> Option<&'static NativeDecl> {
        self.methods.iter().find(|m| m.name == name)
    }

    pub fn property(&self, name: &str) -> Option<&'static LibraryProperty> {
        self.properties.iter().find(|p| p.name == name)
    }
}

pub struct LibraryObject {
    pub class: &'static LibraryClass,
    data: Box<dyn Any>,
    /// Bytes counted for it (the object and what its data holds).
    bytes: usize,
    site: u32,
}

impl LibraryObject {
    /// A new object of `class` holding `data`, which keeps `data_bytes` bytes on the heap
    /// beyond its own size (a response body, say): both count as allocated.
    pub fn new<T: Any>(
        class: &'static LibraryClass,
        data: T,
        data_bytes: usize,
    ) -> Rc<LibraryObject> {
        let bytes =
            std::mem::size_of::<LibraryObject>() + std::mem::size_of::<T>() + data_bytes + 32;
        let site = heap::on_alloc(bytes);
        Rc::new(LibraryObject { class, data: Box::new(data), bytes, site })
    }

    /// The object's data, if it is a `T`.
    pub fn data<T: Any>(&self) -> Option<&T> {
        self.data.downcast_ref()
    }
}

impl Drop for LibraryObject {
    fn drop(&mut self) {
        heap::on_free(self.bytes, self.site);
    }
}
